package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class NtlmMessagesTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void writesTheChallengeSipeAcceptedByteForByte() {
        byte[] targetInfo = NtlmMessages.targetInfo(
                "CONTOSO",
                "PARLEY",
                "contoso.com",
                "parley.contoso.com",
                Long.parseUnsignedLong("01dd7f573ae28b90", 16));

        byte[] challenge = NtlmMessages.challenge(
                NtlmFlags.SERVER_CHALLENGE, HEX.parseHex("d6f82677491467ab"), "CONTOSO", targetInfo);

        assertThat(Base64.getEncoder().encodeToString(challenge)).isEqualTo(AppendixC.CHALLENGE);
    }

    @Test
    void fileTimeCountsFrom1601() {
        assertThat(NtlmMessages.fileTime(0)).isEqualTo(116_444_736_000_000_000L);
    }

    @Test
    void readsSipesAuthenticate() {
        NtlmMessages.Authenticate authenticate =
                NtlmMessages.parseAuthenticate(Base64.getDecoder().decode(AppendixC.AUTHENTICATE));

        assertThat(authenticate.flags()).isEqualTo(0x60988255);
        assertThat(authenticate.user()).isEqualTo("alice@contoso.com");
        assertThat(authenticate.domain()).isEmpty();
        assertThat(authenticate.workstation()).isEqualTo("VM");
        assertThat(authenticate.lmChallengeResponse()).hasSize(24);
        assertThat(authenticate.ntChallengeResponse()).hasSize(164);
        assertThat(authenticate.encryptedRandomSessionKey()).hasSize(16);
    }

    @Test
    void readsANegotiateWithSuppliedDomainAndWorkstation() {
        // Flags UNICODE|OEM|REQUEST_TARGET|NTLM|OEM_DOMAIN_SUPPLIED|OEM_WORKSTATION_SUPPLIED.
        byte[] negotiate = HEX.parseHex(
                "4e544c4d5353500001000000073200000600060020000000" + "0400040026000000" + "444f4d41494e" + "484f5354");

        NtlmMessages.Negotiate parsed = NtlmMessages.parseNegotiate(negotiate);

        assertThat(parsed.flags()).isEqualTo(0x00003207);
        assertThat(parsed.domain()).isEqualTo("DOMAIN");
        assertThat(parsed.workstation()).isEqualTo("HOST");
    }

    @Test
    void refusesTruncatedMessages() {
        byte[] authenticate = Base64.getDecoder().decode(AppendixC.AUTHENTICATE);

        for (int length : new int[] {0, 7, 12, 63, 64, authenticate.length - 1}) {
            byte[] cut = Arrays.copyOf(authenticate, length);
            assertThatThrownBy(() -> NtlmMessages.parseAuthenticate(cut))
                    .as("length %d", length)
                    .isInstanceOf(NtlmException.class);
        }
    }

    @Test
    void refusesFieldsOutsideTheMessage() {
        byte[] authenticate = Base64.getDecoder().decode(AppendixC.AUTHENTICATE);
        byte[] negativeOffset = authenticate.clone();
        negativeOffset[36 + 7] = (byte) 0xff;
        byte[] longField = authenticate.clone();
        longField[20] = (byte) 0xff;
        longField[21] = (byte) 0xff;

        assertThatThrownBy(() -> NtlmMessages.parseAuthenticate(negativeOffset))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("runs past");
        assertThatThrownBy(() -> NtlmMessages.parseAuthenticate(longField))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("runs past");
    }

    @Test
    void refusesWrongSignatureTypeAndOversizedInput() {
        byte[] authenticate = Base64.getDecoder().decode(AppendixC.AUTHENTICATE);
        byte[] badSignature = authenticate.clone();
        badSignature[0] = 'M';

        assertThatThrownBy(() -> NtlmMessages.parseAuthenticate(badSignature))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> NtlmMessages.parseNegotiate(authenticate))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("type 3");
        assertThatThrownBy(() -> NtlmMessages.parseAuthenticate(new byte[NtlmMessages.MAX_MESSAGE_LENGTH + 1]))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void refusesNtlmV1Responses() {
        byte[] authenticate = Base64.getDecoder().decode(AppendixC.AUTHENTICATE);
        byte[] v1 = authenticate.clone();
        v1[20] = 24;
        v1[22] = 24;

        assertThatThrownBy(() -> NtlmMessages.parseAuthenticate(v1))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("NTLMv2");
    }
}
