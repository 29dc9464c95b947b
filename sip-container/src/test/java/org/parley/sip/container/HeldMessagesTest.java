package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How the bytes of a connection are framed for the lean responses (#12): whatever the reads, the parser gets every
 * byte not taken, in order, and the taker gets each response whole.
 */
class HeldMessagesTest {

    private static final String REQUEST =
            "INFO sip:ocschat@contoso.com SIP/2.0\r\nCall-ID: r\r\n" + "Content-Length: 4\r\n\r\nbody";
    private static final String OK = "SIP/2.0 200 OK\r\nCall-ID: a\r\nContent-Length: 0\r\n\r\n";
    private static final String WITH_BODY = "SIP/2.0 200 OK\r\nCall-ID: b\r\nl: 5\r\n\r\nhello";
    private static final String SUBSCRIBE = "SUBSCRIBE sip:x SIP/2.0\r\nCall-ID: s\r\n\r\n";
    private static final String STREAM = "\r\n\r\n" + REQUEST + OK + "\r\n" + WITH_BODY + SUBSCRIBE + OK;

    @Test
    void everyByteNotTakenReachesTheParserInOrderWhereverTheReadsEnd() throws Exception {
        byte[] bytes = STREAM.getBytes(StandardCharsets.US_ASCII);
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second += 7) {
                Run run = new Run(true);
                HeldMessages messages = new HeldMessages();
                run.read(messages, Arrays.copyOfRange(bytes, 0, first));
                run.read(messages, Arrays.copyOfRange(bytes, first, second));
                run.read(messages, Arrays.copyOfRange(bytes, second, bytes.length));
                assertThat(run.taken)
                        .as("reads split at %d and %d", first, second)
                        .containsExactly(OK, WITH_BODY, OK);
                assertThat(run.parsed()).isEqualTo("\r\n\r\n" + REQUEST + "\r\n" + SUBSCRIBE);
            }
        }
    }

    @Test
    void aResponseNotTakenGoesOnWhole() throws Exception {
        Run run = new Run(false);
        new HeldMessages().read(STREAM.getBytes(StandardCharsets.US_ASCII), run::parse, run::take);
        assertThat(run.parsed()).isEqualTo(STREAM);
        assertThat(run.offered).containsExactly(OK, WITH_BODY, SUBSCRIBE, OK);
    }

    @Test
    void aResponseLongerThanHeldGoesOnAsItComes() throws Exception {
        String longOne = "SIP/2.0 200 OK\r\nSubject: " + "x".repeat(HeldMessages.MAX_HELD) + "\r\nl: 0\r\n\r\n";
        String unreadLength = "SIP/2.0 200 OK\r\nContent-Length: many\r\n\r\n";
        Run run = new Run(true);
        HeldMessages messages = new HeldMessages();
        run.read(messages, (longOne + OK + unreadLength + OK).getBytes(StandardCharsets.US_ASCII));
        assertThat(run.parsed()).isEqualTo(longOne + unreadLength);
        assertThat(run.taken).containsExactly(OK, OK);
    }

    private static final class Run {
        final boolean takes;
        final ByteArrayOutputStream parsed = new ByteArrayOutputStream();
        final List<String> offered = new ArrayList<>();
        final List<String> taken = new ArrayList<>();

        Run(boolean takes) {
            this.takes = takes;
        }

        void read(HeldMessages messages, byte[] bytes) throws Exception {
            messages.read(bytes, this::parse, this::take);
        }

        void parse(byte[] bytes) {
            parsed.writeBytes(bytes);
        }

        boolean take(byte[] message, int length) {
            String text = new String(message, 0, length, StandardCharsets.US_ASCII);
            offered.add(text);
            // As the container: only a response may be taken (a SUBSCRIBE starts with an S too).
            boolean take = takes && text.startsWith("SIP/2.0 ");
            if (take) {
                taken.add(text);
            }
            return take;
        }

        String parsed() {
            return parsed.toString(StandardCharsets.US_ASCII);
        }
    }
}
