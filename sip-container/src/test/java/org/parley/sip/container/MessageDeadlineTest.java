package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The deadline follows the messages a connection sends, wherever the reads split them (issue #12: bodies and
 * the runs of a line are followed in bulk, not byte by byte).
 */
class MessageDeadlineTest {

    private static final String HEAD = "INFO sip:ocschat@contoso.com SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK1\r\n"
            + "Subject: " + "s".repeat(100) + "\r\n"
            + "X-Cr: a\rb\r\n";

    /** Several messages with keep-alives between them: compact, spaced and lower-case lengths, a long body. */
    private static final String[] MESSAGES = {
        HEAD + "Content-Length: 4\r\n\r\nbody",
        "\r\n\r\n",
        HEAD + "l : 3\r\n\r\nl:1",
        HEAD + "\r\n",
        HEAD + " content-LENGTH\t:  300\r\n\r\n" + "b".repeat(300),
        "\r\n",
    };

    @Test
    void aMessageIsDueUntilItsHeadAndBodyAreIn() {
        String head = HEAD + "Content-Length: 4\r\n\r\n";
        assertThat(inProgress(head.substring(0, 1))).isTrue();
        assertThat(inProgress(head)).isTrue();
        assertThat(inProgress(head + "bod")).isTrue();
        assertThat(inProgress(head + "body")).isFalse();
        assertThat(inProgress(head + "body\r\n\r\n")).isFalse();
    }

    @Test
    void everyMessageEndsWhereItsLengthSaysWhereverTheReadsSplit() {
        String all = String.join("", MESSAGES);
        byte[] bytes = all.getBytes(StandardCharsets.ISO_8859_1);
        boolean[] expected = byteByByte(bytes);
        int end = 0;
        for (String message : MESSAGES) {
            end += message.length();
            assertThat(expected[end]).as("after a whole message, at " + end).isFalse();
        }
        assertThat(expected[MESSAGES[0].length() - 1]).as("in the first body").isTrue();
        for (int prefix = 0; prefix <= bytes.length; prefix++) {
            for (int split = 0; split <= prefix; split += 7) {
                MessageDeadline deadline = new MessageDeadline(1, 0);
                deadline.follow(Arrays.copyOfRange(bytes, 0, split));
                deadline.follow(Arrays.copyOfRange(bytes, split, prefix));
                assertThat(deadline.overdue(Long.MAX_VALUE))
                        .as("after " + prefix + " bytes read as " + split + " and the rest")
                        .isEqualTo(expected[prefix]);
            }
        }
    }

    /** For each prefix length: whether a message is under way after it, fed one byte at a time. */
    private static boolean[] byteByByte(byte[] bytes) {
        boolean[] inProgress = new boolean[bytes.length + 1];
        MessageDeadline deadline = new MessageDeadline(1, 0);
        deadline.follow(new byte[] {'\r', '\n'});
        inProgress[0] = deadline.overdue(Long.MAX_VALUE);
        for (int i = 0; i < bytes.length; i++) {
            deadline.follow(new byte[] {bytes[i]});
            inProgress[i + 1] = deadline.overdue(Long.MAX_VALUE);
        }
        return inProgress;
    }

    private static boolean inProgress(String bytes) {
        MessageDeadline deadline = new MessageDeadline(1, 0);
        deadline.follow(bytes.getBytes(StandardCharsets.ISO_8859_1));
        return deadline.overdue(Long.MAX_VALUE);
    }
}
