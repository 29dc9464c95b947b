package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;
import org.parley.sip.testkit.SipaeClient;

/**
 * NTLM sign-in over real SIP (MS-SIPAE; docs/protocol/real-client.md §4): the three REGISTERs, every message
 * signed both ways afterwards, and what a wrong password, a bad or missing signature, another
 * connection's signature, malformed or replayed handshakes and a guessing run get. Runs in the
 * server (to switch the identity mode to ntlm for each test and back, ServerSettings); the clients
 * are the test kit's SipaeClient over loopback TCP or TLS.
 */
@ExtendWith(ArquillianExtension.class)
class NtlmSignInIT {

    private static final String BOB = "sip:bob@" + SipServer.DOMAIN;
    private static final String CAROL = "sip:carol@" + SipServer.DOMAIN;

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(NtlmSignInIT.class, ServerSettings.class, Eventually.class);
    }

    /** The meters operators read (README "Operations"): each sign-in outcome is counted under its reason. */
    @Inject
    ParleyMeters meters;

    private double usersLockedOut() {
        return meters.registry()
                .get("parley.ntlm.locked.out")
                .tag("kind", "user")
                .gauge()
                .value();
    }

    private double signIns(String outcome, String reason) {
        return meters.registry()
                .get("parley.ntlm.signins")
                .tags("outcome", outcome, "reason", reason)
                .counter()
                .count();
    }

    /** The production set-up: TLS, require-tls on; the handshake, then signed provisioning, chat and sign-out. */
    @Test
    void signsInOverTlsAndEveryMessageIsSignedBothWays() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(true);
                RawSip sip = SipServer.client("TLS")) {
            SipaeClient alice = new SipaeClient("alice@contoso.com", "", "secret");
            ClientDialog registration = new ClientDialog(sip, SipServer.ALICE, false, SipServer.ALICE);

            RawSip.Msg offer = registration.call("REGISTER", null, "Expires: 7200");
            assertThat(offer.status()).isEqualTo(401);
            String scheme = offer.header("WWW-Authenticate");
            assertThat(scheme.startsWith("NTLM ")
                            && scheme.contains("realm=\"SIP Communications Service\"")
                            && scheme.contains("targetname=\"parley.contoso.com\"")
                            && scheme.contains("version=3"))
                    .as(scheme)
                    .isTrue();
            RawSip.Msg challenge =
                    registration.call("REGISTER", null, "Expires: 7200", "Authorization: " + alice.answerOffer(scheme));
            assertThat(challenge.status()).isEqualTo(401);
            byte[] ntlmChallenge = Base64.getDecoder()
                    .decode(SipaeClient.parameters(challenge.header("WWW-Authenticate"))
                            .get("gssapi-data"));
            assertThat(new String(ntlmChallenge, 0, 7, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("NTLMSSP");
            assertThat(ntlmChallenge[8]).isEqualTo((byte) 2);
            RawSip.Msg ok = registration.call(
                    "REGISTER",
                    null,
                    "Expires: 7200",
                    "Authorization: " + alice.answerChallenge(challenge.header("WWW-Authenticate")));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(alice.verify(ok)).as("REGISTER 200 signed: " + ok).isTrue();

            // Provisioning, signed both ways.
            ClientDialog provisioning = new ClientDialog(sip, SipServer.ALICE, false, SipServer.ALICE);
            sip.send(alice.signed(provisioning.request(
                    "SUBSCRIBE",
                    null,
                    "Event: vnd-microsoft-provisioning-v2",
                    "Accept: application/vnd-microsoft-roaming-provisioning-v2+xml",
                    "Expires: 0")));
            RawSip.Msg provisioned = sip.response("1 SUBSCRIBE");
            assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(200);
            assertThat(alice.verify(provisioned)).as("provisioning 200 signed").isTrue();

            // The lookup dialog: INVITE, ACK, cmd:requri, the server's own INFO, BYE.
            ClientDialog lookup = new ClientDialog(sip, SipServer.LOOKUP, false, SipServer.ALICE);
            String host = sip.localHost();
            String sdp = "v=0\r\no=- 0 0 IN IP4 " + host + "\r\ns=session\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                    + "m=message " + sip.localPort() + " sip null\r\na=accept-types:text/plain\r\n";
            sip.send(alice.signed(
                    lookup.request("INVITE", sdp, "Supported: ms-sender", "Content-Type: application/sdp")));
            RawSip.Msg accepted = sip.response("1 INVITE");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            assertThat(alice.verify(accepted)).as("INVITE 200 signed").isTrue();
            lookup.setToTag(accepted.param("To", "tag"));
            lookup.setRemoteTarget(accepted.uri("Contact"));
            sip.send(alice.signed(lookup.request("ACK", null)));

            sip.send(alice.signed(
                    lookup.request("INFO", SipServer.command("cmd:requri", 1331762711L), "Content-Type: text/plain")));
            RawSip.Msg infoOk = sip.response("2 INFO");
            assertThat(infoOk.status()).isEqualTo(200);
            assertThat(alice.verify(infoOk)).as("INFO 200 signed").isTrue();
            RawSip.Msg serverInfo = sip.request("INFO");
            assertThat(alice.verify(serverInfo))
                    .as("the server's own INFO signed: " + serverInfo)
                    .isTrue();
            assertThat(serverInfo.body()).as(serverInfo.body()).contains("rpl:requri");
            sip.send(alice.signed(serverInfo.ok()));

            sip.send(alice.signed(lookup.request("BYE", null)));
            RawSip.Msg bye = sip.response("3 BYE");
            assertThat(bye.status()).isEqualTo(200);
            assertThat(alice.verify(bye)).as("BYE 200 signed").isTrue();

            // Sign-out: the 200 is still signed, then the association is gone.
            sip.send(alice.signed(registration.request("REGISTER", null, "Expires: 0")));
            RawSip.Msg signedOut = sip.response("4 REGISTER");
            assertThat(signedOut.status()).isEqualTo(200);
            assertThat(alice.verify(signedOut)).as("un-REGISTER 200 signed").isTrue();
            sip.send(alice.signed(
                    provisioning.request("SUBSCRIBE", null, "Event: vnd-microsoft-provisioning-v2", "Expires: 0")));
            RawSip.Msg afterSignOut = sip.response("2 SUBSCRIBE");
            assertThat(afterSignOut.status()).as("signed out: nobody").isEqualTo(403);
            assertThat(afterSignOut.header("Authentication-Info"))
                    .as("no association left to sign with")
                    .isNull();
        }
    }

    @Test
    void requireTlsRefusesNtlmOverPlainTcp() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(true);
                RawSip sip = SipServer.client("TCP")) {
            RawSip.Msg refused = new SipaeClient("alice@contoso.com", "", "secret")
                    .signIn(new ClientDialog(sip, SipServer.ALICE, false, SipServer.ALICE));
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneStillWorks() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(false, "parley.sip.ntlm.max-failures-per-address", "1000")) {
            try (RawSip sip = SipServer.client("TCP")) {
                RawSip.Msg refused = new SipaeClient("bob@contoso.com", "", "not-secret")
                        .signIn(new ClientDialog(sip, BOB, false, BOB));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.header("Authentication-Info")).isNull();
            }
            try (RawSip sip = SipServer.client("TCP")) {
                SipaeClient bob = new SipaeClient("bob@contoso.com", "", "secret");
                RawSip.Msg ok = bob.signIn(new ClientDialog(sip, BOB, false, BOB));
                assertThat(ok.status()).isEqualTo(200);
                assertThat(bob.verify(ok)).isTrue();
            }
        }
    }

    @Test
    void unsignedWronglySignedReplayedAndForeignMessagesAreRefusedAndTheClientCarriesOn() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(false, "parley.sip.ntlm.max-failures-per-address", "1000");
                RawSip first = SipServer.client("TCP");
                RawSip second = SipServer.client("TCP")) {
            SipaeClient alice = new SipaeClient("alice@contoso.com", "", "secret");
            assertThat(alice.signIn(new ClientDialog(first, SipServer.ALICE, false, SipServer.ALICE))
                            .status())
                    .isEqualTo(200);
            SipaeClient aliceAgain = new SipaeClient("alice@contoso.com", "", "secret");
            assertThat(aliceAgain
                            .signIn(new ClientDialog(second, SipServer.ALICE, false, SipServer.ALICE))
                            .status())
                    .isEqualTo(200);
            ClientDialog lookup = new ClientDialog(first, SipServer.LOOKUP, false, SipServer.ALICE);

            RawSip.Msg unsigned = lookup.call("INVITE", null);
            assertThat(unsigned.status()).isEqualTo(403);
            assertThat(alice.verify(unsigned))
                    .as("the refusal is signed, or SIPE would drop it")
                    .isTrue();

            // The signature covers cnum: changing it after signing makes a wrong signature.
            first.send(alice.signed(lookup.request("INVITE", null)).replace("cnum=\"", "cnum=\"9"));
            assertThat(first.response("2 INVITE").status()).isEqualTo(403);

            ClientDialog options = new ClientDialog(first, SipServer.LOOKUP, true, SipServer.ALICE);
            String good = alice.signed(options.request("OPTIONS", null));
            first.send(good);
            assertThat(first.response("1 OPTIONS").status())
                    .as("a rightly signed message passes")
                    .isEqualTo(200);
            // The same message as a new transaction (the branch is not signed): a replayed cnum.
            first.send(good.replace(";branch=z9hG4bK", ";branch=z9hG4bKreplay"));
            assertThat(first.response("1 OPTIONS").status())
                    .as("the same cnum again is a replay")
                    .isEqualTo(403);

            // Signed for the first connection, sent on the second: another association's opaque.
            ClientDialog elsewhere = new ClientDialog(second, SipServer.LOOKUP, false, SipServer.ALICE);
            second.send(alice.signed(elsewhere.request("OPTIONS", null)));
            RawSip.Msg foreign = second.response("1 OPTIONS");
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(aliceAgain.verify(foreign)).isTrue();

            // Speaking for someone else with a right signature: From must be the signed-in user.
            ClientDialog asBob = new ClientDialog(first, SipServer.LOOKUP, false, BOB);
            first.send(alice.signed(asBob.request("INVITE", null)));
            assertThat(first.response("1 INVITE").status()).isEqualTo(403);

            // Both connections still work.
            ClientDialog fine = new ClientDialog(first, SipServer.LOOKUP, false, SipServer.ALICE);
            first.send(alice.signed(fine.request("INVITE", null)));
            RawSip.Msg invited = first.response("1 INVITE");
            assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
            assertThat(alice.verify(invited)).isTrue();
            ClientDialog fineToo = new ClientDialog(second, SipServer.LOOKUP, false, SipServer.ALICE);
            second.send(aliceAgain.signed(fineToo.request("INVITE", null)));
            assertThat(second.response("1 INVITE").status()).isEqualTo(200);
        }
    }

    @Test
    void malformedReplayedAndUnknownHandshakesGetTheirErrors() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(false, "parley.sip.ntlm.max-failures-per-address", "1000")) {
            try (RawSip sip = SipServer.client("TCP")) {
                ClientDialog registration = new ClientDialog(sip, SipServer.ALICE, false, SipServer.ALICE);
                assertThat(registration
                                .call(
                                        "REGISTER",
                                        null,
                                        "Authorization: NTLM qop=\"auth\", gssapi-data=\"TlRMTVNTUAABAAAA\", version=3")
                                .status())
                        .as("truncated NEGOTIATE")
                        .isEqualTo(400);
                assertThat(registration
                                .call(
                                        "REGISTER",
                                        null,
                                        "Authorization: NTLM qop=\"auth\", gssapi-data=\"not base64!\", version=3")
                                .status())
                        .isEqualTo(400);
                assertThat(registration
                                .call("REGISTER", null, "Authorization: NTLM qop=\"auth\", gssapi-data=\"TlRM")
                                .status())
                        .as("unterminated quote")
                        .isEqualTo(400);
                SipaeClient alice = new SipaeClient("alice@contoso.com", "", "secret");
                RawSip.Msg offer = registration.call("REGISTER", null);
                RawSip.Msg challenge = registration.call(
                        "REGISTER", null, "Authorization: " + alice.answerOffer(offer.header("WWW-Authenticate")));
                alice.answerChallenge(challenge.header("WWW-Authenticate"));
                byte[] garbage = "NTLMSSP\0\3\0\0\0 and then nothing that makes sense"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(registration
                                .call("REGISTER", null, "Authorization: " + alice.authorization(garbage))
                                .status())
                        .as("malformed AUTHENTICATE")
                        .isEqualTo(400);
            }
            String replayed;
            try (RawSip sip = SipServer.client("TCP")) {
                SipaeClient alice = new SipaeClient("alice@contoso.com", "", "secret");
                ClientDialog registration = new ClientDialog(sip, SipServer.ALICE, false, SipServer.ALICE);
                RawSip.Msg offer = registration.call("REGISTER", null);
                RawSip.Msg challenge = registration.call(
                        "REGISTER", null, "Authorization: " + alice.answerOffer(offer.header("WWW-Authenticate")));
                replayed = alice.answerChallenge(challenge.header("WWW-Authenticate"));
                assertThat(registration
                                .call("REGISTER", null, "Authorization: " + replayed)
                                .status())
                        .isEqualTo(200);
            }
            try (RawSip sip = SipServer.client("TCP")) {
                RawSip.Msg replay = new ClientDialog(sip, SipServer.ALICE, false, SipServer.ALICE)
                        .call("REGISTER", null, "Authorization: " + replayed);
                assertThat(replay.status()).as("an AUTHENTICATE is good once").isEqualTo(403);
            }
            try (RawSip sip = SipServer.client("TCP")) {
                String nobody = "sip:nobody@" + SipServer.DOMAIN;
                assertThat(new SipaeClient("nobody@contoso.com", "", "secret")
                                .signIn(new ClientDialog(sip, nobody, false, nobody))
                                .status())
                        .isEqualTo(403);
            }
        }
    }

    /** A guessing run on carol: after the limit even her right password is refused, until the lock-out ends. */
    @Test
    void aGuessingRunIsThrottled() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(
                false,
                "parley.sip.ntlm.max-failures-per-user",
                "3",
                "parley.sip.ntlm.max-failures-per-address",
                "1000",
                "parley.sip.ntlm.lockout-seconds",
                "3")) {
            double badCredentials = signIns("failure", "bad_credentials");
            double lockedOut = signIns("refused", "locked_out");
            double succeeded = signIns("success", "none");
            double usersLockedOut = usersLockedOut();
            for (int guess = 0; guess < 3; guess++) {
                assertThat(signIn(CAROL, "carol@contoso.com", "guess" + guess).status())
                        .isEqualTo(403);
            }
            RawSip.Msg locked = signIn(CAROL, "carol@contoso.com", "secret");
            assertThat(locked.status()).isEqualTo(403);
            assertThat(locked.startLine()).as(locked.startLine()).contains("too many");
            assertThat(usersLockedOut()).as("carol is locked out").isEqualTo(usersLockedOut + 1);
            assertThat(signIn(BOB, "bob@contoso.com", "secret").status())
                    .as("other users are not affected")
                    .isEqualTo(200);
            assertThat(signIns("failure", "bad_credentials")).isEqualTo(badCredentials + 3);
            assertThat(signIns("refused", "locked_out")).isEqualTo(lockedOut + 1);
            assertThat(signIns("success", "none")).isEqualTo(succeeded + 1);

            // Refused tries while locked out count for nothing; the lock-out is 3 s.
            Eventually.await(
                    Duration.ofSeconds(20),
                    () -> {
                        try {
                            return signIn(CAROL, "carol@contoso.com", "secret").status();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    status -> status == 200);
        }
    }

    private static RawSip.Msg signIn(String uri, String login, String password) throws IOException {
        try (RawSip sip = SipServer.client("TCP")) {
            return new SipaeClient(login, "", password).signIn(new ClientDialog(sip, uri, false, uri));
        }
    }
}
