package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Issue #11, identity: in front-end mode (trusting 127.0.0.1, switched live), requests sent into a
 * live chat dialog with its Call-ID and tags from another address (127.0.0.2) get 403 and run
 * nothing: the forged post is neither stored nor delivered; BYE, UPDATE and SUBSCRIBE are refused
 * too, and the front end's own requests still work. Over UDP and TCP; runs in the server to switch
 * the mode and to read the stored history.
 */
@ExtendWith(ArquillianExtension.class)
class ForgedDialogRequestIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ForgedDialogRequestIT.class, ServerSettings.class);
    }

    @EJB
    private HistoryService history;

    private final TestRun run = new TestRun();

    @Test
    void forgedRequestsIntoAChatDialogAreRefusedOverUdp() throws Exception {
        forgedRequestsAreRefused("UDP");
    }

    @Test
    void forgedRequestsIntoAChatDialogAreRefusedOverTcp() throws Exception {
        forgedRequestsAreRefused("TCP");
    }

    private void forgedRequestsAreRefused(String transport) throws Exception {
        String owner = run.user("owner");
        // A user of the sample directory: with one in use (CI's PostgreSQL pass), the front end's users must be in it.
        String alice = "sip:frank@contoso.com";
        String room = run.room(owner, "Forged " + transport, Privacy.OPEN);
        InetSocketAddress server = new InetSocketAddress(RawSip.LOOPBACK, SipServer.port());
        try (ServerSettings frontEnd = ServerSettings.frontEnd("127.0.0.1");
                RawSip sip = SipServer.client(transport);
                RawSip attacker = RawSip.of(transport, server, null, InetAddress.getByName("127.0.0.2"))) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.CHAT, false, alice);
            dialog.establish();
            assertThat(dialog.call(
                                    "INFO",
                                    XccosTestClient.envelope(
                                            "1",
                                            "<cmd id=\"cmd:join\" seqid=\"1\"><data>" + XccosTestClient.chanid(room, 0)
                                                    + "</data></cmd>"))
                            .status())
                    .isEqualTo(200);
            dialog.answerRequest("INFO");

            for (String[] forged : List.of(
                    new String[] {"INFO", post(room, alice, "forged")},
                    new String[] {"UPDATE", null},
                    new String[] {"SUBSCRIBE", null},
                    new String[] {"BYE", null})) {
                String request = dialog.request(forged[0], forged[1])
                        .replaceFirst(
                                "Via: [^\r]*",
                                "Via: SIP/2.0/" + transport + " 127.0.0.2:" + attacker.localPort()
                                        + ";branch=z9hG4bKforged" + forged[0]);
                attacker.send(request);
                RawSip.Msg answer = attacker.response();
                assertThat(answer.status())
                        .as(forged[0] + " from 127.0.0.2: " + answer)
                        .isEqualTo(403);
            }

            RawSip.Msg ok = dialog.call("INFO", post(room, alice, "legit"));
            assertThat(ok.status()).as("the front end's own post: " + ok).isEqualTo(200);
            // Delivered: the first chat the dialog gets is the legitimate post, not the forged one.
            RawSip.Msg echo = dialog.answerRequest("INFO");
            assertThat(SipServer.xpath(echo.body(), "/xccos/grpchat/chat"))
                    .as(echo.toString())
                    .isEqualTo("legit");
            List<String> stored = history.last(owner, room, 10).stream()
                    .map(MessageView::text)
                    .toList();
            assertThat(stored).as("the forged post is not stored").isEqualTo(List.of("legit"));
        }
    }

    private static String post(String room, String author, String text) {
        return XccosTestClient.envelope(
                "2",
                "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + room + "\" author=\"" + author
                        + "\" ts=\"2026-11-28T16:40:45Z\"><chat>" + text + "</chat></grpchat>");
    }
}
