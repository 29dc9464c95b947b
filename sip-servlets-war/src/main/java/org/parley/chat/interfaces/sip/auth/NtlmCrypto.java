package org.parley.chat.interfaces.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The primitives of NTLMv2 [MS-NLMP 3.3.2, 3.4.5]. MD4 and RC4 come from BouncyCastle's lightweight
 * API: MD4 is in no JDK provider, and RC4 ("ARCFOUR") may be disabled by a site's
 * {@code jdk.security} policy, which must not silently break sign-in.
 */
public final class NtlmCrypto {

    private static final byte[] CLIENT_SIGNING_MAGIC =
            magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGNING_MAGIC =
            magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEALING_MAGIC =
            magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEALING_MAGIC =
            magic("session key to server-to-client sealing key magic constant");

    private NtlmCrypto() {}

    /** The NT hash, MD4(UTF-16LE(password)): what a user store keeps instead of the password. */
    public static byte[] ntHash(String password) {
        byte[] input = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(input, 0, input.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        Arrays.fill(input, (byte) 0);
        return out;
    }

    /** NTOWFv2: HMAC-MD5(NT hash, UTF-16LE(upper(user) + domain)). Only the user name is upper-cased. */
    public static byte[] ntowfV2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }

    public static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is a mandatory JDK algorithm", e);
        }
    }

    public static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is a mandatory JDK algorithm", e);
        }
    }

    /** One RC4 pass with a fresh key schedule, as connectionless NTLM uses it for every message. */
    public static byte[] rc4(byte[] key, byte[] data) {
        RC4Engine rc4 = new RC4Engine();
        rc4.init(true, new KeyParameter(key));
        byte[] out = new byte[data.length];
        rc4.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /** SIGNKEY [MS-NLMP 3.4.5.2], with extended session security. */
    public static byte[] signKey(byte[] exportedSessionKey, boolean clientToServer) {
        return md5(exportedSessionKey, clientToServer ? CLIENT_SIGNING_MAGIC : SERVER_SIGNING_MAGIC);
    }

    /**
     * SEALKEY [MS-NLMP 3.4.5.3], with extended session security; the key length follows
     * NEGOTIATE_128 / NEGOTIATE_56 (40 bits otherwise).
     */
    public static byte[] sealKey(byte[] exportedSessionKey, int negotiateFlags, boolean clientToServer) {
        byte[] key;
        if ((negotiateFlags & NtlmFlags.NEGOTIATE_128) != 0) {
            key = exportedSessionKey;
        } else if ((negotiateFlags & NtlmFlags.NEGOTIATE_56) != 0) {
            key = Arrays.copyOf(exportedSessionKey, 7);
        } else {
            key = Arrays.copyOf(exportedSessionKey, 5);
        }
        return md5(key, clientToServer ? CLIENT_SEALING_MAGIC : SERVER_SEALING_MAGIC);
    }

    /** The magic constants are hashed with their terminating NUL [MS-NLMP 3.4.5.2]. */
    private static byte[] magic(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(ascii, ascii.length + 1);
    }
}
