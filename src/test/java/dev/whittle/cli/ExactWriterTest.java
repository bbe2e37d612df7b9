package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

class ExactWriterTest {

    @Test
    void writesUtf8AndTheRawBytesOfTheInputWhateverTheLocale() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(new ExactWriter(bytes), true);
        // "é", a byte 0xFF that was not UTF-8 (read as U+DCFF), and an emoji split across two writes
        w.print("caf\u00e9 \uDCFF \uD83D");
        w.flush();
        w.print("\uDE00");
        w.flush();
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xFF, ' ',
            (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, bytes.toByteArray());
    }
}
