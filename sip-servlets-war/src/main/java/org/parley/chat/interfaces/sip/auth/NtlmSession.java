package org.parley.chat.interfaces.sip.auth;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The server side of one NTLMv2 authentication in connectionless mode: verifies the AUTHENTICATE
 * against the user's NT hash, then signs and verifies messages with the derived keys. Connectionless
 * means the RC4 key is rebuilt from the sequence number for every message [MS-NLMP 3.4.3], so the
 * object holds no cipher state and is safe to share between threads.
 */
public final class NtlmSession {

    private static final int SIGNATURE_VERSION = 1;

    private final int flags;
    private final byte[] clientSignKey;
    private final byte[] clientSealKey;
    private final byte[] serverSignKey;
    private final byte[] serverSealKey;

    private NtlmSession(int flags, byte[] exportedSessionKey) {
        this.flags = flags;
        this.clientSignKey = NtlmCrypto.signKey(exportedSessionKey, true);
        this.clientSealKey = NtlmCrypto.sealKey(exportedSessionKey, flags, true);
        this.serverSignKey = NtlmCrypto.signKey(exportedSessionKey, false);
        this.serverSealKey = NtlmCrypto.sealKey(exportedSessionKey, flags, false);
    }

    /**
     * Checks NTProofStr [MS-NLMP 3.3.2] and derives the session keys.
     *
     * @param serverChallenge the 8 bytes of the CHALLENGE this AUTHENTICATE answers; the caller must
     *        have taken it out of its store so that it cannot be answered twice
     * @throws NtlmException when the response is wrong or the flags are not usable for MS-SIPAE
     */
    public static NtlmSession accept(byte[] serverChallenge, NtlmMessages.Authenticate authenticate, byte[] ntHash) {
        int flags = authenticate.flags();
        if ((flags & NtlmFlags.REQUIRED_FROM_CLIENT) != NtlmFlags.REQUIRED_FROM_CLIENT) {
            throw new NtlmException(String.format("AUTHENTICATE lacks required flags: %08x", flags));
        }
        byte[] nt = authenticate.ntChallengeResponse();
        if (nt.length < NtlmMessages.NTLMV2_RESPONSE_MIN_LENGTH) {
            throw new NtlmException("not an NTLMv2 response: NtChallengeResponse of " + nt.length + " bytes");
        }
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        if (blob[0] != 1 || blob[1] != 1) {
            throw new NtlmException("NTLMv2 blob of unknown version " + blob[0] + "." + blob[1]);
        }
        byte[] ntowf = NtlmCrypto.ntowfV2(ntHash, authenticate.user(), authenticate.domain());
        byte[] expected = NtlmCrypto.hmacMd5(ntowf, serverChallenge, blob);
        if (!MessageDigest.isEqual(expected, proof)) {
            throw new NtlmException("NTProofStr does not match for user '" + authenticate.user() + "'");
        }
        // KXKEY with NTLMv2 is the session base key itself [MS-NLMP 3.4.5.1].
        byte[] keyExchangeKey = NtlmCrypto.hmacMd5(ntowf, proof);
        byte[] exported = (flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0
                ? NtlmCrypto.rc4(keyExchangeKey, authenticate.encryptedRandomSessionKey())
                : keyExchangeKey;
        return new NtlmSession(flags, exported);
    }

    /** The flags in force: those of the AUTHENTICATE. */
    public int flags() {
        return flags;
    }

    /** The 16-byte signature of a message the server sends. */
    public byte[] sign(byte[] message, int sequenceNumber) {
        return signature(serverSignKey, serverSealKey, message, sequenceNumber);
    }

    /**
     * Whether a client's 16-byte signature is right for the message. The sequence number is the one
     * the signature itself carries; MS-SIPAE orders messages by {@code cnum}, not by it (SIPE always
     * sends 100).
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != 16) {
            return false;
        }
        byte[] expected = signature(clientSignKey, clientSealKey, message, NtlmMessages.readInt32(signature, 12));
        return MessageDigest.isEqual(expected, signature);
    }

    /**
     * NTLMSSP_MESSAGE_SIGNATURE with extended session security [MS-NLMP 3.4.4.2]; the checksum is
     * sealed when KEY_EXCH was negotiated, with the per-message key of connectionless mode.
     */
    private byte[] signature(byte[] signKey, byte[] sealKey, byte[] message, int sequenceNumber) {
        byte[] seq = NtlmMessages.int32(sequenceNumber);
        byte[] checksum = checksum(signKey, sequenceNumber, message);
        if ((flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0) {
            checksum = NtlmCrypto.rc4(NtlmCrypto.md5(sealKey, seq), checksum);
        }
        byte[] out = new byte[16];
        System.arraycopy(NtlmMessages.int32(SIGNATURE_VERSION), 0, out, 0, 4);
        System.arraycopy(checksum, 0, out, 4, 8);
        System.arraycopy(seq, 0, out, 12, 4);
        return out;
    }

    /** HMAC_MD5(SigningKey, SeqNum ‖ Message)[0..7]. */
    static byte[] checksum(byte[] signKey, int sequenceNumber, byte[] message) {
        return Arrays.copyOf(NtlmCrypto.hmacMd5(signKey, NtlmMessages.int32(sequenceNumber), message), 8);
    }
}
