package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.parley.sip.testkit.RawSip;
import org.parley.sip.testkit.SipaeClient;

/**
 * The test kit's client side of MS-SIPAE (written from MS-NLMP, its own MD4 and RC4) against the
 * server side: the integration tests rely on both agreeing, and each checks the other.
 */
class SipaeClientInteropTest {

    private final AtomicLong now = new AtomicLong();
    private final SipaeNtlmAuthenticator authenticator = SipaeNtlmAuthenticatorTest.contosoAuthenticator(now);

    @Test
    void theTestKitsMd4IsMd4() {
        assertThat(HexFormat.of().formatHex(SipaeClient.md4("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("a448017aaf21d8525fc10ae87aa6729d");
        assertThat(SipaeClient.md4("secret".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo(NtlmCrypto.ntHash("secret"));
        assertThat(HexFormat.of().formatHex(SipaeClient.md4(new byte[0])))
                .isEqualTo("31d6cfe0d16ae931b73c59d7e0c089c0");
    }

    @Test
    void signsInAndBothSidesCheckEachOthersSignatures() {
        SipaeClient client = new SipaeClient("alice@contoso.com", "", "secret");
        SipaeSecurityAssociation association = signIn(client);

        String ok = "SIP/2.0 200 OK\r\nCall-ID: abc\r\nCSeq: 3 REGISTER\r\n"
                + "From: <sip:alice@contoso.com>;tag=1;epid=2\r\nTo: <sip:alice@contoso.com>;tag=9\r\n";
        String info = association.authenticationInfo(SipaeSignedFields.of(
                "abc",
                "3 REGISTER",
                "<sip:alice@contoso.com>;tag=1;epid=2",
                "<sip:alice@contoso.com>;tag=9",
                null,
                "7200",
                200));
        assertThat(client.verify(RawSip.Msg.parse(ok + "Expires: 7200\r\nAuthentication-Info: " + info, "")))
                .isTrue();
        assertThat(client.verify(RawSip.Msg.parse(ok + "Expires: 0\r\nAuthentication-Info: " + info, "")))
                .isFalse();
        assertThat(client.verify(RawSip.Msg.parse(ok + "Expires: 7200", ""))).isFalse();

        String request = client.sign(
                "xyz", "1 SUBSCRIBE", "<sip:alice@contoso.com>;tag=5", "<sip:alice@contoso.com>", null, "0", 0);
        SipaeSignedFields subscribe = SipaeSignedFields.of(
                "xyz", "1 SUBSCRIBE", "<sip:alice@contoso.com>;tag=5", "<sip:alice@contoso.com>", null, "0", 0);
        association.verify(SipaeHeader.parse(request), subscribe);
        assertThatThrownBy(() -> association.verify(SipaeHeader.parse(request), subscribe))
                .hasMessageContaining("replayed");
        String other = client.sign(
                "xyz", "2 SUBSCRIBE", "<sip:alice@contoso.com>;tag=5", "<sip:alice@contoso.com>", null, "0", 0);
        assertThatThrownBy(() -> association.verify(
                        SipaeHeader.parse(other),
                        SipaeSignedFields.of(
                                "xyz",
                                "2 SUBSCRIBE",
                                "<sip:bob@contoso.com>;tag=5",
                                "<sip:alice@contoso.com>",
                                null,
                                "0",
                                0)))
                .hasMessageContaining("bad signature");
    }

    @Test
    void theReplayWindowTakesOvertakenMessagesOnceAndRefusesStaleOnes() {
        SipaeClient client = new SipaeClient("alice@contoso.com", "", "secret");
        SipaeSecurityAssociation association = signIn(client);
        SipaeSignedFields fields = SipaeSignedFields.of(
                "c", "1 INFO", "<sip:alice@contoso.com>;tag=1", "<sip:ocschat@contoso.com>;tag=2", null, null, 0);

        verify(association, client, 5, fields);
        verify(association, client, 3, fields);
        assertThatThrownBy(() -> verify(association, client, 3, fields)).hasMessageContaining("replayed");
        verify(association, client, 5 + SipaeSecurityAssociation.REPLAY_WINDOW, fields);
        verify(association, client, 6, fields);
        assertThatThrownBy(() -> verify(association, client, 5, fields)).hasMessageContaining("too old");
        assertThatThrownBy(() -> verify(association, client, 4, fields)).hasMessageContaining("too old");
    }

    @Test
    void aWrongPasswordIsRefusedAndUsesUpTheChallenge() {
        SipaeClient client = new SipaeClient("alice@contoso.com", "", "guess");
        SipaeHeader challenge = challenge(client);
        String answer = client.answerChallenge(challenge.format());
        assertThatThrownBy(() -> authenticator.register(answer))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("NTProofStr");
        assertThatThrownBy(() -> authenticator.register(answer)).hasMessageContaining("unknown, used or expired");
    }

    private void verify(SipaeSecurityAssociation association, SipaeClient client, int cnum, SipaeSignedFields fields) {
        association.verify(
                SipaeHeader.parse(client.signWith(
                        cnum,
                        "c",
                        "1 INFO",
                        "<sip:alice@contoso.com>;tag=1",
                        "<sip:ocschat@contoso.com>;tag=2",
                        null,
                        null,
                        0)),
                fields);
    }

    private SipaeSecurityAssociation signIn(SipaeClient client) {
        SipaeHeader challenge = challenge(client);
        SipaeNtlmAuthenticator.Outcome outcome = authenticator.register(client.answerChallenge(challenge.format()));
        assertThat(outcome).isInstanceOf(SipaeNtlmAuthenticator.Authenticated.class);
        return ((SipaeNtlmAuthenticator.Authenticated) outcome).association();
    }

    private SipaeHeader challenge(SipaeClient client) {
        String offer = ((SipaeNtlmAuthenticator.Challenge) authenticator.register(null)).wwwAuthenticate();
        String second = client.answerOffer(offer);
        return SipaeHeader.parse(((SipaeNtlmAuthenticator.Challenge) authenticator.register(second)).wwwAuthenticate());
    }
}
