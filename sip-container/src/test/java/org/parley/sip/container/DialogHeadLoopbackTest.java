package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import gov.nist.javax.sip.header.SIPHeader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Our requests in a dialog, sent without a transaction, are written from the dialog's {@link DialogHead}: the bytes
 * are JAIN-SIP's own encoding of the same request, byte for byte, plain and signed (an Authentication-Info as
 * SipaeSigning sets it), over TCP and TLS, with and without a route set, and still after a target refresh, which
 * makes a new head; the client reads each of them and its 200 completes the request.
 */
class DialogHeadLoopbackTest extends LoopbackServerTest {

    private static final String SIGNATURE = "NTLM qop=\"auth\", opaque=\"4A7B2C1D\", srand=\"0F1E2D3C\", snum=\"1\","
            + " rspauth=\"01000000000000009a4c3b2e1f0d5c6b\", targetname=\"127.0.0.1\","
            + " realm=\"SIP Communications Service\", version=4";

    @ParameterizedTest
    @CsvSource({"TCP, false", "TCP, true", "TLS, false", "TLS, true"})
    void wireBytesAreJainSipsEncoding(String transport, boolean routes) throws Exception {
        try (RawSip sip = server.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", !"TCP".equals(transport));
            establish(dialog, routes);
            // Handled on the dialog's queue after the INVITE: once answered, the session is confirmed.
            assertThat(dialog.call("INFO", "hello").status()).isEqualTo(200);
            Session session = (Session) server.created.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(session).isNotNull();

            OutgoingRequest plain = info(session, "post 1", false);
            assertSameAsJainSip(plain, transport);
            OutgoingRequest signed = info(session, "post 2 \u00e9t\u00e9", true);
            assertSameAsJainSip(signed, transport);
            assertThat(signed.made().head()).isSameAs(plain.made().head());
            if (routes) {
                assertThat(new String(signed.wire(), StandardCharsets.UTF_8))
                        .contains("Route: <sip:p1.contoso.com;lr>,<sip:p2.contoso.com;lr>\r\n");
            }

            sendAndAnswer(sip, plain, "post 1", null);
            sendAndAnswer(sip, signed, "post 2 \u00e9t\u00e9", SIGNATURE);

            // A target refresh: the client's UPDATE names another Contact, our next request goes to it.
            String update = dialog.request("UPDATE", null)
                    .replaceFirst("Contact: <[^>]*>", "Contact: <sip:alice@192.0.2.7:5099;transport=tcp>");
            sip.send(update);
            assertThat(sip.response(dialog.cseq() + " UPDATE").status()).isEqualTo(200);
            OutgoingRequest refreshed = info(session, "post 3", true);
            assertThat(refreshed.made().head()).isNotSameAs(plain.made().head());
            assertSameAsJainSip(refreshed, transport);
            assertThat(new String(refreshed.wire(), StandardCharsets.UTF_8))
                    .startsWith("INFO sip:alice@192.0.2.7:5099;transport=tcp SIP/2.0\r\n");
            RawSip.Msg got = sendAndAnswer(sip, refreshed, "post 3", SIGNATURE);
            assertThat(got.requestUri()).isEqualTo("sip:alice@192.0.2.7:5099;transport=tcp");
        }
    }

    private static void establish(ClientDialog dialog, boolean routes) throws Exception {
        if (!routes) {
            dialog.establish();
            return;
        }
        RawSip sip = dialog.sip();
        RawSip.Msg ok = dialog.call(
                "INVITE",
                "v=0\r\n",
                "Content-Type: application/sdp",
                "Record-Route: <sip:p1.contoso.com;lr>, <sip:p2.contoso.com;lr>");
        assertThat(ok.status()).isEqualTo(200);
        dialog.setToTag(ok.param("To", "tag"));
        dialog.setRemoteTarget(ok.uri("Contact"));
        sip.send(dialog.request("ACK", null));
    }

    /** An INFO as SipClientDelivery makes it; signed: with the Authentication-Info SipaeSigning would set. */
    private static OutgoingRequest info(Session session, String body, boolean signed) {
        OutgoingRequest info = (OutgoingRequest) session.createRequest("INFO");
        info.setContent(body.getBytes(StandardCharsets.UTF_8), "text/plain");
        if (signed) {
            info.setHeader("Authentication-Info", SIGNATURE);
        }
        return info;
    }

    /** The bytes from the head against JAIN-SIP's encoding of the same request, its branch set as Outbound sets it. */
    private static void assertSameAsJainSip(OutgoingRequest request, String transport) throws Exception {
        request.jain().getTopmostVia().setBranch("z9hG4bK-test" + request.getCSeq());
        byte[] ours = request.wire();
        byte[] jain = request.jain().encodeAsBytes(transport);
        assertThat(ours).isNotNull();
        // Every line the head stands for is taken from it: the request holds the very header objects it was made with.
        List<SIPHeader> held = new ArrayList<>();
        request.jain().getHeaders().forEachRemaining(held::add);
        for (SIPHeader constant : request.made().constant()) {
            assertThat(held).anyMatch(header -> header == constant);
        }
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(jain, StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(jain);
    }

    private static RawSip.Msg sendAndAnswer(RawSip sip, OutgoingRequest request, String body, String signature)
            throws Exception {
        var answered = request.send().toCompletableFuture();
        RawSip.Msg got = sip.request("INFO");
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.header("CSeq")).isEqualTo(request.getCSeq() + " INFO");
        assertThat(got.header("Authentication-Info")).isEqualTo(signature);
        sip.send(got.ok());
        SipServletResponse response = answered.get(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertThat(response.getStatus()).isEqualTo(200);
        return got;
    }
}
