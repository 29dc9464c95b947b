package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.container.SipConnector;
import org.parley.sip.container.SipConnectorConfig;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;
import org.parley.sip.testkit.SipaeClient;

/**
 * The signing interceptor on the responses the SIP layer reads without JAIN-SIP's parser (#12), over a real
 * connector and the test kit's client: a signed 200 to our INFO is verified and completes it; one whose signature
 * does not cover it (a 481 signed as a 200) is refused and not acted upon, which would have ended the dialog.
 */
class SignedResponsesLoopbackTest {

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    private final BlockingQueue<CompletableFuture<SipServletResponse>> sent = new LinkedBlockingQueue<>();
    private final SipaeSigning signing = new SipaeSigning();
    private SipConnector connector;
    private int port;

    /** Answers INVITE and INFO; an INFO saying "send N" sends N INFOs back in its dialog. */
    private final class Servlet extends SipServlet {
        @Override
        protected void doInvite(SipServletRequest request) throws IOException {
            connections.add(request.getConnection().getId());
            request.createResponse(200).send();
        }

        @Override
        protected void doInfo(SipServletRequest request) throws IOException {
            request.createResponse(200).send();
            String body = request.getContentAsString();
            for (int i = 0; body != null && body.startsWith("send ") && i < Integer.parseInt(body.substring(5)); i++) {
                SipServletRequest info = request.getSession().createRequest("INFO");
                info.setContent("notice " + i, "text/plain", StandardCharsets.UTF_8);
                sent.add(info.send().toCompletableFuture());
            }
        }
    }

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        signing.associations = new SecurityAssociations();
        connector = new SipConnector(
                SipConnectorConfig.builder()
                        .bindAddress("127.0.0.1")
                        .hostName("127.0.0.1")
                        .domains(Set.of("contoso.com", "127.0.0.1"))
                        .udpPort(0)
                        .tcpPort(port)
                        .tlsPort(0)
                        .keyStore(dir.resolve("sip.p12"), "secret", "PKCS12")
                        .build(),
                executor);
        connector.addServlet(new Servlet(), "ocschat");
        connector.addInterceptor(signing);
        connector.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        connector.stop();
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aSignedAnswerIsVerifiedAndAWronglySignedOneRefused() throws Exception {
        SipaeClient client = new SipaeClient("alice@contoso.com", "", "secret");
        try (RawSip sip = RawSip.tcp(port)) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            String connection = connections.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            signing.associations.signedIn(
                    connection, SipaeSigningTest.handshake(client), "sip:alice@contoso.com", Duration.ofHours(1));

            sip.send(client.signed(dialog.request("INFO", "send 2")));
            assertThat(sip.response(dialog.cseq() + " INFO").status()).isEqualTo(200);
            sip.send(client.signed(sip.request("INFO").ok()));
            assertThat(nextAnswer().getStatus()).isEqualTo(200);

            RawSip.Msg second = sip.request("INFO");
            String ok = client.signed(second.ok());
            sip.send(client.signed(second.ok()).replace("SIP/2.0 200 OK", "SIP/2.0 481 Gone"));
            sip.send(ok);
            SipServletResponse answer = nextAnswer();
            assertThat(answer.getStatus()).isEqualTo(200);
            // Read by the layer's lean reader, not JAIN-SIP's parser.
            assertThat(answer.getClass().getName()).endsWith("IncomingResponse$Lean");
            assertThat(answer.getSession().isValid()).isTrue();
        }
    }

    private SipServletResponse nextAnswer() throws Exception {
        return sent.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS).get(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
