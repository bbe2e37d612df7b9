#include <stdio.h>
#include <string.h>
/* hello --greeting WORD prints WORD (verify --arg gives it another one); hi without it */
int main(int argc, char **argv) {
    const char *greeting = "hi";
    for (int i = 1; i + 1 < argc; i++) if (strcmp(argv[i], "--greeting") == 0) greeting = argv[i + 1];
    puts(greeting);
    return 0;
}
