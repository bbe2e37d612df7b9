/* Prints the message `make install` put beside it: fails when the file is missing. */
#include <stdio.h>

int main(void) {
    FILE *f = fopen(SHARE "/message.txt", "r");
    if (!f) {
        perror(SHARE "/message.txt");
        return 1;
    }
    char line[256];
    while (fgets(line, sizeof line, f)) fputs(line, stdout);
    fclose(f);
    return 0;
}
