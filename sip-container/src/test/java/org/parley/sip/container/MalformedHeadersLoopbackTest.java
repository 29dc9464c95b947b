package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Malformed requests inside a live dialog, over UDP and TCP: a single-value header given twice, or
 * a NUL byte in a header, gets 400 and never reaches the servlet; the dialog goes on afterwards.
 */
class MalformedHeadersLoopbackTest extends LoopbackServerTest {

    @ParameterizedTest(name = "{0} twice over {1}")
    @CsvSource({
        "Call-ID, UDP", "Call-ID, TCP",
        "CSeq, UDP", "CSeq, TCP",
        "From, UDP", "From, TCP",
        "To, UDP", "To, TCP",
        "Content-Length, UDP", "Content-Length, TCP",
    })
    void duplicatedSingleValueHeaderIs400AndNotExecuted(String header, String transport) throws Exception {
        try (RawSip sip = server.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            String info = dialog.request("INFO", "twice");
            String line = info.lines()
                    .filter(l -> l.startsWith(header + ":"))
                    .findFirst()
                    .orElseThrow();
            // The copy names another dialog, so that whichever copy a parser keeps, the request is still malformed.
            String copy =
                    switch (header) {
                        case "Call-ID" -> "Call-ID: other-" + dialog.callId();
                        case "CSeq" -> "CSeq: " + (dialog.cseq() + 5) + " INFO";
                        case "From" -> "From: <sip:mallory@contoso.com>;tag=1";
                        case "To" -> "To: <sip:ocschat@contoso.com>;tag=" + dialog.toTag();
                        default -> line;
                    };
            sip.send(info.replace(line + "\r\n", line + "\r\n" + copy + "\r\n"));
            RawSip.Msg answer = sip.response(dialog.cseq() + " INFO");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);

            assertThat(dialog.call("INFO", "after").status()).isEqualTo(200);
            assertThat(server.servlet.infos).containsExactly("after");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void nulByteInAHeaderIs400AndNotExecuted(String transport) throws Exception {
        try (RawSip sip = server.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            String info = dialog.request("INFO", "nul", "Subject: a\u0000b");
            sip.sendBytes(info.getBytes(StandardCharsets.UTF_8));
            RawSip.Msg answer = sip.response(dialog.cseq() + " INFO");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);

            assertThat(dialog.call("INFO", "after").status()).isEqualTo(200);
            assertThat(server.servlet.infos).containsExactly("after");
        }
    }
}
