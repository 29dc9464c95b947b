package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The three REGISTERs of docs/protocol/real-client.md §4.1, with a client written here the way SIPE behaves. */
class SipaeNtlmAuthenticatorTest {

    private static final String FIRST = "NTLM qop=\"auth\", realm=\"SIP Communications Service\", "
            + "targetname=\"parley.contoso.com\", gssapi-data=\"\", version=3";
    private static final int SIPE_FLAGS = 0x60988255;

    private final AtomicLong now = new AtomicLong();
    private final SipaeNtlmAuthenticator authenticator = contosoAuthenticator(now);

    @Test
    void offersNtlmToARegisterWithoutCredentials() {
        assertThat(authenticator.register(null))
                .isEqualTo(new SipaeNtlmAuthenticator.Challenge(
                        "NTLM realm=\"SIP Communications Service\", targetname=\"parley.contoso.com\", version=3"));
    }

    @Test
    void signsInWithTheRightPasswordAndSignsTheOk() {
        SipaeHeader challenge = challenge();
        assertThat(challenge.parameter("opaque")).matches("[0-9A-F]{8}");
        assertThat(challenge.parameter("realm")).isEqualTo("SIP Communications Service");

        SipaeNtlmAuthenticator.Outcome outcome =
                authenticator.register(answer(challenge, "alice@contoso.com", "secret"));

        assertThat(outcome).isInstanceOf(SipaeNtlmAuthenticator.Authenticated.class);
        SipaeSecurityAssociation association = ((SipaeNtlmAuthenticator.Authenticated) outcome).association();
        assertThat(association.user()).isEqualTo("alice@contoso.com");
        assertThat(association.opaque()).isEqualTo(challenge.parameter("opaque"));
        assertThat(authenticator.pendingChallenges()).isZero();
    }

    @Test
    void theChallengeCarriesTheFlagsSipeRequires() {
        byte[] message = Base64.getDecoder().decode(challenge().parameter("gssapi-data"));

        assertThat(NtlmMessages.readInt32(message, 20)).isEqualTo(0xE0998255);
    }

    @Test
    void answersANegotiateWithAChallengeToo() {
        String negotiate = Base64.getEncoder()
                .encodeToString(
                        HexFormat.of().parseHex("4e544c4d53535000010000000582080000000000000000000000000000000000"));

        assertThat(authenticator.register("NTLM qop=\"auth\", gssapi-data=\"" + negotiate + "\""))
                .isInstanceOf(SipaeNtlmAuthenticator.Challenge.class);
    }

    @Test
    void aChallengeIsAnsweredOnlyOnce() {
        SipaeHeader challenge = challenge();
        String answer = answer(challenge, "alice@contoso.com", "secret");
        authenticator.register(answer);

        assertThatThrownBy(() -> authenticator.register(answer))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("opaque");
    }

    @Test
    void refusesAWrongPasswordAndSpendsTheChallenge() {
        SipaeHeader challenge = challenge();

        assertThatThrownBy(() -> authenticator.register(answer(challenge, "alice@contoso.com", "guess")))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("NTProofStr");
        assertThatThrownBy(() -> authenticator.register(answer(challenge, "alice@contoso.com", "secret")))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("opaque");
    }

    @Test
    void refusesUnknownUsersAndExpiredChallenges() {
        SipaeHeader forMallory = challenge();
        assertThatThrownBy(() -> authenticator.register(answer(forMallory, "mallory@contoso.com", "secret")))
                .isInstanceOf(NtlmException.class);

        SipaeHeader late = challenge();
        now.addAndGet(SipaeNtlmAuthenticator.CHALLENGE_LIFETIME_NANOS + 1);
        assertThatThrownBy(() -> authenticator.register(answer(late, "alice@contoso.com", "secret")))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesGarbageGssapiData() {
        assertThatThrownBy(() -> authenticator.register("NTLM opaque=\"00000000\", gssapi-data=\"%%%\""))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> authenticator.register("NTLM opaque=\"00000000\", gssapi-data=\"AAAA\""))
                .isInstanceOf(NtlmException.class);
    }

    private SipaeHeader challenge() {
        SipaeNtlmAuthenticator.Outcome outcome = authenticator.register(FIRST);
        return SipaeHeader.parse(((SipaeNtlmAuthenticator.Challenge) outcome).wwwAuthenticate());
    }

    /** An NTLMv2 AUTHENTICATE as SIPE builds it: its flags, the server's AV pairs in the blob, KEY_EXCH. */
    private static String answer(SipaeHeader challenge, String user, String password) {
        byte[] message = Base64.getDecoder().decode(challenge.parameter("gssapi-data"));
        byte[] serverChallenge = Arrays.copyOfRange(message, 24, 32);
        int infoLength = (message[40] & 0xff) | (message[41] & 0xff) << 8;
        int infoOffset = NtlmMessages.readInt32(message, 44);
        byte[] targetInfo = Arrays.copyOfRange(message, infoOffset, infoOffset + infoLength);
        byte[] blob = NtlmSessionTest.concat(
                new byte[] {1, 1, 0, 0, 0, 0, 0, 0},
                new byte[8],
                "clientch".getBytes(StandardCharsets.US_ASCII),
                new byte[4],
                targetInfo,
                new byte[4]);
        byte[] ntowf = NtlmCrypto.ntowfV2(NtlmCrypto.ntHash(password), user, "");
        byte[] proof = NtlmCrypto.hmacMd5(ntowf, serverChallenge, blob);
        byte[] ntResponse = NtlmSessionTest.concat(proof, blob);
        byte[] sessionKey = NtlmCrypto.rc4(NtlmCrypto.hmacMd5(ntowf, proof), new byte[16]);
        byte[] userName = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] workstation = "VM".getBytes(StandardCharsets.UTF_16LE);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(NtlmMessages.int32(3));
        int offset = 64;
        offset = field(out, 24, offset);
        offset = field(out, ntResponse.length, offset);
        offset = field(out, 0, offset);
        offset = field(out, userName.length, offset);
        offset = field(out, workstation.length, offset);
        field(out, sessionKey.length, offset);
        out.writeBytes(NtlmMessages.int32(SIPE_FLAGS));
        byte[] payload = NtlmSessionTest.concat(new byte[24], ntResponse, userName, workstation, sessionKey);
        byte[] authenticate = NtlmSessionTest.concat(out.toByteArray(), payload);
        return "NTLM qop=\"auth\", opaque=\"" + challenge.parameter("opaque") + "\", realm=\"SIP Communications "
                + "Service\", targetname=\"parley.contoso.com\", gssapi-data=\""
                + Base64.getEncoder().encodeToString(authenticate) + "\", version=3";
    }

    private static int field(ByteArrayOutputStream out, int length, int offset) {
        out.writeBytes(new byte[] {(byte) length, (byte) (length >>> 8), (byte) length, (byte) (length >>> 8)});
        out.writeBytes(NtlmMessages.int32(offset));
        return offset + length;
    }

    /**
     * The server side of parley.contoso.com, where Alice's password is "secret", its challenges timed by
     * {@code now} (nanoseconds) so that a test can let them expire.
     */
    static SipaeNtlmAuthenticator contosoAuthenticator(AtomicLong now) {
        Map<String, byte[]> users = Map.of("alice@contoso.com", NtlmCrypto.ntHash("secret"));
        return new SipaeNtlmAuthenticator(
                new SipaeNtlmAuthenticator.ServerNames("parley.contoso.com", "CONTOSO", "PARLEY", "contoso.com"),
                (user, domain) -> Optional.ofNullable(users.get(user)),
                new SecureRandom(),
                now::get);
    }
}
