package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Content-Length and Call-ID spelled in full for JAIN-SIP's NIO parser (issue #12): header names at the start of
 * head lines only, wherever the reads split the bytes.
 */
class FullHeaderNamesTest {

    private static final String HEAD = "INFO sip:ocschat@contoso.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK1\r\n"
            + "CSeq: 2 INFO\r\n";

    @Test
    void compactAndSpacedNamesAreSpelledInFull() {
        String in = HEAD + "i: abc\r\nL \t: 4\r\nCALL-ID:abc\r\ncontent-length:4\r\n\r\nbody";
        String out = HEAD + "Call-ID: abc\r\nContent-Length: 4\r\nCall-ID:abc\r\nContent-Length:4\r\n\r\nbody";
        assertSpelledAtEverySplit(in, out);
    }

    @Test
    void bodiesStartLinesContinuationsAndOtherNamesAreLeftAlone() {
        String body = "l: 3\r\ni: x\r\n\r\n";
        String in = "i: x SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5061\r\n"
                + "Subject: a\r\n i: folded\r\n"
                + "Info: not i\r\n"
                + "Lx: not l\r\n"
                + "Call-Info: <http://x>\r\n"
                + "Content-Lengthy: no\r\n"
                + "l: " + body.length() + "\r\n\r\n"
                + body;
        String out = in.replace("\r\nl: " + body.length(), "\r\nContent-Length: " + body.length());
        assertSpelledAtEverySplit(in, out);
    }

    @Test
    void keepAlivesAndASecondMessageAreFramed() {
        String first = HEAD + "i: one\r\nl: 5\r\n\r\nl: 1\r";
        String second = HEAD + "i: two\r\nl: 0\r\n\r\n";
        String in = "\r\n\r\n" + first + "\r\n\r\n" + second + "\r\n";
        String out = "\r\n\r\n"
                + first.replace("i: one", "Call-ID: one").replace("l: 5", "Content-Length: 5")
                + "\r\n\r\n"
                + second.replace("i: two", "Call-ID: two").replace("l: 0", "Content-Length: 0")
                + "\r\n";
        assertSpelledAtEverySplit(in, out);
    }

    @Test
    void aMessageWithoutContentLengthTakesThePreviousOneAsTheParserDoes() {
        String first = HEAD + "l: 2\r\n\r\nab";
        String second = HEAD + "i: two\r\n\r\ni:";
        String third = HEAD + "i: three\r\n\r\nxy";
        String out = first.replace("l: 2", "Content-Length: 2")
                + second.replace("i: two", "Call-ID: two")
                + third.replace("i: three", "Call-ID: three");
        assertSpelledAtEverySplit(first + second + third, out);
    }

    @Test
    void longLinesLoneCrsAndLongLengthLinesGoThroughAsTheyCame() {
        // Lines past a name go through in one copy: long ones, ones with a CR inside, a Content-Length whose
        // number is long, and a body that looks like a head.
        String body = "Content-Length: 99\r\n\r\n";
        String in = "INFO sip:" + "x".repeat(300) + "@contoso.com SIP/2.0\r\n"
                + "Subject: " + "s".repeat(200) + "\r\n"
                + "X-Cr: a\rb\r\n"
                + "CONTENT-length: 00000000" + body.length() + "\r\n"
                + "i: " + "c".repeat(100) + "\r\n\r\n"
                + body
                + HEAD + "l:0\r\n\r\n";
        String out = in.replace("CONTENT-length", "Content-Length")
                .replace("i: ccc", "Call-ID: ccc")
                .replace("l:0", "Content-Length:0");
        assertSpelledAtEverySplit(in, out);
    }

    private static void assertSpelledAtEverySplit(String in, String out) {
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            FullHeaderNames names = new FullHeaderNames();
            ByteArrayOutputStream parsed = new ByteArrayOutputStream();
            parsed.writeBytes(names.spell(Arrays.copyOfRange(bytes, 0, split)));
            parsed.writeBytes(names.spell(Arrays.copyOfRange(bytes, split, bytes.length)));
            assertThat(parsed.toString(StandardCharsets.UTF_8))
                    .as("split at " + split)
                    .isEqualTo(out);
        }
        FullHeaderNames byteByByte = new FullHeaderNames();
        ByteArrayOutputStream parsed = new ByteArrayOutputStream();
        for (byte b : bytes) {
            parsed.writeBytes(byteByByte.spell(new byte[] {b}));
        }
        assertThat(parsed.toString(StandardCharsets.UTF_8)).as("byte by byte").isEqualTo(out);
    }
}
