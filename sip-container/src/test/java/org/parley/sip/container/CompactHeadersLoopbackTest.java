package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Content-Length and Call-ID in their RFC 3261 §7.3.3 compact forms ({@code l:}, {@code i:}), or in full in any
 * case, over TCP and TLS (issue #12): each request gets its 200 and the connection carries the next one. JAIN-SIP's
 * NIO parser frames messages by the full names only.
 */
class CompactHeadersLoopbackTest extends LoopbackServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS"})
    void compactAndMixedCaseNamesAreServedAndTheConnectionGoesOn(String transport) throws Exception {
        try (RawSip sip = server.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            // The first message of the connection: with no Call-ID the parser knows, it would drop the connection.
            String sdp = "v=0\r\nm=message " + sip.localPort() + " sip null\r\n";
            sip.send(compact(dialog.request("INVITE", sdp, "Content-Type: application/sdp")));
            RawSip.Msg ok = sip.response(dialog.cseq() + " INVITE");
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            dialog.setToTag(ok.param("To", "tag"));
            dialog.setRemoteTarget(ok.uri("Contact"));
            sip.send(compact(dialog.request("ACK", null)));

            // A body whose lines look like compact headers stays a body.
            sip.send(compact(dialog.request("INFO", "l: 99\r\ni: not-a-call-id\r\n")));
            assertThat(sip.response(dialog.cseq() + " INFO").status()).isEqualTo(200);

            sip.send(dialog.request("INFO", "mixed case")
                    .replace("Call-ID:", "CALL-ID:")
                    .replace("Content-Length:", "content-length:"));
            assertThat(sip.response(dialog.cseq() + " INFO").status()).isEqualTo(200);

            sip.send(dialog.request("INFO", "spaced").replace("Call-ID:", "i :").replace("Content-Length:", "L\t:"));
            assertThat(sip.response(dialog.cseq() + " INFO").status()).isEqualTo(200);

            assertThat(dialog.call("INFO", "in full").status()).isEqualTo(200);
            assertThat(server.servlet.infos)
                    .containsExactly("l: 99\r\ni: not-a-call-id\r\n", "mixed case", "spaced", "in full");
        }
    }

    private static String compact(String message) {
        return message.replace("\r\nCall-ID:", "\r\ni:").replace("\r\nContent-Length:", "\r\nl:");
    }
}
