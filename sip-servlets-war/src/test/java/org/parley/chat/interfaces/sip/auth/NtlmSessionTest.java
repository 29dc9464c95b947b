package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Against the NTLMv2 test vectors of MS-NLMP 4.2.4 (user "User", domain "Domain", password
 * "Password", server challenge 0123456789abcdef, client challenge aa..., random session key 55...,
 * time 0) and against the handshake pidgin-sipe made in docs/protocol/real-client.md appendix C.1.
 */
class NtlmSessionTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    private static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
    private static final byte[] RANDOM_SESSION_KEY = HEX.parseHex("55555555555555555555555555555555");
    /** MS-NLMP 4.2.4: the CHALLENGE's flags and AV pairs (NbDomainName "Domain", NbComputerName "Server"). */
    private static final int VECTOR_FLAGS = 0xe28a8233;

    private static final byte[] VECTOR_AV_PAIRS =
            HEX.parseHex("02000c0044006f006d00610069006e00" + "01000c00530065007200760065007200" + "00000000");

    @Test
    void ntowfV2OfTheSpecificationVector() {
        byte[] ntHash = NtlmCrypto.ntHash("Password");
        assertThat(HEX.formatHex(ntHash)).isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
        assertThat(HEX.formatHex(NtlmCrypto.ntowfV2(ntHash, "User", "Domain")))
                .isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
    }

    @Test
    void verifiesTheSpecificationResponseAndDerivesItsKeys() {
        NtlmMessages.Authenticate authenticate = specificationAuthenticate(vectorResponse());

        NtlmSession session = NtlmSession.accept(SERVER_CHALLENGE, authenticate, NtlmCrypto.ntHash("Password"));

        // MS-NLMP 4.2.4.4: sealing "Plaintext" and then the checksum with one continuing RC4 stream
        // (connection-oriented) proves SIGNKEY, SEALKEY, the exported key and the HMAC checksum.
        byte[] exported = RANDOM_SESSION_KEY;
        byte[] signKey = NtlmCrypto.signKey(exported, true);
        byte[] sealKey = NtlmCrypto.sealKey(exported, VECTOR_FLAGS, true);
        assertThat(HEX.formatHex(signKey)).isEqualTo("4788dc861b4782f35d43fd98fe1a2d39");
        assertThat(HEX.formatHex(sealKey)).isEqualTo("59f600973cc4960a25480a7c196e4c58");
        byte[] plaintext = "Plaintext".getBytes(StandardCharsets.UTF_16LE);
        byte[] checksum = NtlmSession.checksum(signKey, 0, plaintext);
        byte[] stream = NtlmCrypto.rc4(sealKey, concat(plaintext, checksum));
        assertThat(HEX.formatHex(stream)).isEqualTo("54e50165bf1936dc996020c1811b0f06fb5f" + "7fb38ec5c55d4976");
        // The session decrypted the exported key 55... from c5dad254...: it accepts the connectionless
        // signature built from the specification's keys, with the per-message key MD5(SealKey ‖ seq).
        byte[] perMessageKey = NtlmCrypto.md5(sealKey, HEX.parseHex("64000000"));
        byte[] connectionless = concat(
                HEX.parseHex("01000000"),
                NtlmCrypto.rc4(perMessageKey, NtlmSession.checksum(signKey, 100, plaintext)),
                HEX.parseHex("64000000"));
        assertThat(session.verify(plaintext, connectionless)).isTrue();
    }

    @Test
    void theSpecificationSessionBaseKeyAndEncryptedSessionKey() {
        byte[] ntowf = NtlmCrypto.ntowfV2(NtlmCrypto.ntHash("Password"), "User", "Domain");
        byte[] proof = Arrays.copyOf(vectorResponse(), 16);
        assertThat(HEX.formatHex(proof)).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(ntowf, proof);
        assertThat(HEX.formatHex(sessionBaseKey)).isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
        assertThat(HEX.formatHex(NtlmCrypto.rc4(sessionBaseKey, RANDOM_SESSION_KEY)))
                .isEqualTo("c5dad2544fc9799094ce1ce90bc9d03e");
    }

    @Test
    void refusesAWrongPassword() {
        NtlmMessages.Authenticate authenticate = specificationAuthenticate(vectorResponse());

        assertThatThrownBy(() -> NtlmSession.accept(SERVER_CHALLENGE, authenticate, NtlmCrypto.ntHash("password")))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("NTProofStr");
    }

    @Test
    void refusesAResponseToAnotherChallenge() {
        NtlmMessages.Authenticate authenticate = specificationAuthenticate(vectorResponse());

        assertThatThrownBy(() -> NtlmSession.accept(
                        HEX.parseHex("0123456789abcdee"), authenticate, NtlmCrypto.ntHash("Password")))
                .isInstanceOf(NtlmException.class);
    }

    @Test
    void refusesFlagsWithoutExtendedSessionSecurity() {
        NtlmMessages.Authenticate vector = specificationAuthenticate(vectorResponse());
        NtlmMessages.Authenticate weak = new NtlmMessages.Authenticate(
                vector.flags() & ~NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY,
                vector.domain(),
                vector.user(),
                vector.workstation(),
                vector.lmChallengeResponse(),
                vector.ntChallengeResponse(),
                vector.encryptedRandomSessionKey());

        assertThatThrownBy(() -> NtlmSession.accept(SERVER_CHALLENGE, weak, NtlmCrypto.ntHash("Password")))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("flags");
    }

    /** docs/protocol/real-client.md C.1: alice (development password "secret") answering Parley's CHALLENGE. */
    @Test
    void verifiesPidginSipesAuthenticateAndReproducesTheServersSignature() {
        NtlmSession session = appendixSession();

        assertThat(session.flags()).isEqualTo(0x60988255);
        String registerOk = "<NTLM><7DCDE933><101><SIP Communications Service><parley.contoso.com>"
                + "<9944g7C75aF46Ei4BA5m0589tE015bE7F6x7CE0x><3><REGISTER><sip:alice@contoso.com><22263993>"
                + "<sip:alice@contoso.com><aefd0b6f><><><7200><200>";
        assertThat(HEX.formatHex(session.sign(registerOk.getBytes(StandardCharsets.UTF_8), 100))
                        .toUpperCase())
                .isEqualTo("01000000429A6351020948F164000000");
    }

    @Test
    void verifiesPidginSipesSignatureOnItsSubscribe() {
        NtlmSession session = appendixSession();
        String subscribe = "<NTLM><8cb38690><1><SIP Communications Service><parley.contoso.com>"
                + "<BBCEgCD7AaB7C0iB1E6mC4C8tA827b6D57x20ABx><1><SUBSCRIBE><sip:alice@contoso.com><200014408>"
                + "<sip:alice@contoso.com><><><><0>";
        byte[] signature = HEX.parseHex("01000000DF66ED3DEE12EA8764000000");

        assertThat(session.verify(subscribe.getBytes(StandardCharsets.UTF_8), signature))
                .isTrue();
        assertThat(session.verify(subscribe.replace("<0>", "<1>").getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }

    static NtlmSession appendixSession() {
        byte[] challenge = Base64.getDecoder().decode(AppendixC.CHALLENGE);
        byte[] serverChallenge = Arrays.copyOfRange(challenge, 24, 32);
        NtlmMessages.Authenticate authenticate =
                NtlmMessages.parseAuthenticate(Base64.getDecoder().decode(AppendixC.AUTHENTICATE));
        return NtlmSession.accept(serverChallenge, authenticate, NtlmCrypto.ntHash("secret"));
    }

    /** MS-NLMP 4.2.4.2.2: NTProofStr ‖ temp, temp being the blob with time 0 and the AV pairs. */
    private static byte[] vectorResponse() {
        byte[] blob = concat(
                HEX.parseHex("0101000000000000" + "0000000000000000"),
                CLIENT_CHALLENGE,
                new byte[4],
                VECTOR_AV_PAIRS,
                new byte[4]);
        byte[] ntowf = NtlmCrypto.ntowfV2(NtlmCrypto.ntHash("Password"), "User", "Domain");
        return concat(NtlmCrypto.hmacMd5(ntowf, SERVER_CHALLENGE, blob), blob);
    }

    /**
     * The specification's vectors are connection-oriented; DATAGRAM is added because Parley accepts
     * only connectionless NTLM. It takes no part in NTProofStr or in the key derivation.
     */
    private static NtlmMessages.Authenticate specificationAuthenticate(byte[] ntResponse) {
        return new NtlmMessages.Authenticate(
                VECTOR_FLAGS | NtlmFlags.NEGOTIATE_DATAGRAM,
                "Domain",
                "User",
                "COMPUTER",
                new byte[24],
                ntResponse,
                HEX.parseHex("c5dad2544fc9799094ce1ce90bc9d03e"));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
