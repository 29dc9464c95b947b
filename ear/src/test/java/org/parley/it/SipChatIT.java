package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The chat endpoint of the deployed EAR over the wire, the way pidgin-sipe uses it (docs/protocol/xccos.md
 * §3-4): the lookup dialog over each transport, then the errors a client can meet. The suite
 * trusts From (PARLEY_SIP_IDENTITY=trust-from in the failsafe settings).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipChatIT {

    private static final long REQURI_ENVID = 1331762711L;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void lookupDialogOverUdp() throws Exception {
        lookupDialog("UDP", true);
    }

    /** SIPE's own way: TCP, no branch in any Via, a Contact nobody listens on. */
    @Test
    void lookupDialogOverTcpWithBranchlessVias() throws Exception {
        lookupDialog("TCP", false);
    }

    @Test
    void lookupDialogOverTls() throws Exception {
        lookupDialog("TLS", true);
    }

    @Test
    void malformedXccosIs400() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.LOOKUP, false, SipServer.ALICE);
            dialog.establish();
            assertThat(dialog.call("INFO", "<xccos ver=\"1\" envid=\"1\"><cmd id=")
                            .status())
                    .isEqualTo(400);
            assertThat(dialog.call("BYE", null).status()).isEqualTo(200);
        }
    }

    /** Users of the served domain that no chat endpoint takes belong to the registrar (RegistrarServlet). */
    @Test
    void userOfAnotherDomainIs404() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@elsewhere.example", false, SipServer.ALICE);
            assertThat(dialog.call("INVITE", null).status()).isEqualTo(404);
        }
    }

    /** SIPE's two-stage connect: the URI from rpl:requri is INVITEd again, with a new Call-ID. */
    @Test
    void secondInviteToTheChatEndpoint() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog lookup = new ClientDialog(sip, SipServer.LOOKUP, false, SipServer.ALICE);
            lookup.establish();
            assertThat(lookup.call("INFO", SipServer.command("cmd:requri", REQURI_ENVID))
                            .status())
                    .isEqualTo(200);
            String chatUri = SipServer.xpath(lookup.answerRequest("INFO").body(), "/xccos/rpl/data/uib/@uri");
            assertThat(chatUri).isEqualTo(SipServer.CHAT);
            assertThat(lookup.call("BYE", null).status()).isEqualTo(200);

            ClientDialog chat = new ClientDialog(sip, chatUri, false, SipServer.ALICE);
            RawSip.Msg ok = chat.establish();
            assertThat(chat.callId().equals(lookup.callId())).isFalse();
            assertThat(ok.param("To", "tag")).isNotNull();
            assertThat(ok.uri("Contact")).as(ok.toString()).startsWith("sip:GC-1-PersistentChatService-1@");
            assertThat(chat.call("UPDATE", null).status()).isEqualTo(200);
            assertThat(chat.call("BYE", null).status()).isEqualTo(200);
        }
    }

    private static void lookupDialog(String transport, boolean branch) throws Exception {
        try (RawSip sip = SipServer.client(transport)) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.LOOKUP, branch, SipServer.ALICE);
            RawSip.Msg ok = dialog.establish();
            assertThat(ok.param("To", "tag") == null || ok.param("To", "tag").isBlank())
                    .as(ok.toString())
                    .isFalse();
            assertThat(ok.uri("Contact")).as(ok.toString()).startsWith("sip:ocschat@");
            assertThat(ok.uri("Contact")).as(ok.toString()).contains("transport=" + transport.toLowerCase(Locale.ROOT));
            assertThat(ok.header("Session-Expires").matches("\\d+;refresher=uac"))
                    .as(ok.toString())
                    .isTrue();

            RawSip.Msg accepted = dialog.call("INFO", SipServer.command("cmd:requri", REQURI_ENVID));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            RawSip.Msg reply = reply(dialog, 1, REQURI_ENVID, "200");
            assertThat(SipServer.xpath(reply.body(), "/xccos/rpl/@id"))
                    .as(reply.body())
                    .isEqualTo("rpl:requri");
            assertThat(SipServer.xpath(reply.body(), "/xccos/rpl/data/uib/@uri"))
                    .as(reply.body())
                    .isEqualTo(SipServer.CHAT);

            assertThat(dialog.call("INFO", SipServer.command("cmd:nosuchcommand", 7))
                            .status())
                    .isEqualTo(200);
            reply(dialog, 2, 7, "501");

            assertThat(dialog.call("UPDATE", null).status()).isEqualTo(200);
            assertThat(dialog.call("BYE", null).status()).isEqualTo(200);
            assertThat(dialog.call("INFO", SipServer.command("cmd:requri", 8)).status())
                    .isEqualTo(481);
        }
    }

    /** The server's next INFO, its {@code cseq}th: the reply to the command of {@code envid}, with this code. */
    private static RawSip.Msg reply(ClientDialog dialog, long cseq, long envid, String code) throws Exception {
        RawSip.Msg reply = dialog.answerRequest("INFO");
        assertServerInfo(dialog, reply, cseq);
        assertThat(SipServer.xpath(reply.body(), "/xccos/rpl/commandid/@envid"))
                .as(reply.body())
                .isEqualTo(Long.toString(envid));
        assertThat(SipServer.xpath(reply.body(), "/xccos/rpl/resp/@code"))
                .as(reply.body())
                .isEqualTo(code);
        return reply;
    }

    /** What SIPE needs of a server INFO to find its session (docs/protocol/xccos.md §4). */
    private static void assertServerInfo(ClientDialog dialog, RawSip.Msg info, long cseq) {
        assertThat(dialog.target().equalsIgnoreCase(info.uri("From")))
                .as(info.toString())
                .isTrue();
        assertThat(info.param("From", "tag")).as(info.toString()).isEqualTo(dialog.toTag());
        assertThat(info.param("To", "tag")).as(info.toString()).isEqualTo(dialog.fromTag());
        assertThat(info.header("Call-ID")).isEqualTo(dialog.callId());
        assertThat(info.header("CSeq")).isEqualTo(cseq + " INFO");
        assertThat(info.header("Content-Type")).isEqualTo("text/plain");
    }
}
