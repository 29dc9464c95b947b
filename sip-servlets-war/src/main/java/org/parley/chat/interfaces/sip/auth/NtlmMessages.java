package org.parley.chat.interfaces.sip.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads NEGOTIATE and AUTHENTICATE messages and writes CHALLENGE messages [MS-NLMP 2.2.1]. Every
 * length and offset comes from the peer, so each is checked against the buffer before use; a bad
 * message ends in {@link NtlmException}, never in an index error.
 */
public final class NtlmMessages {

    /** Larger than any real message (SIPE's AUTHENTICATE is about 300 bytes) yet bounds the work. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int NEGOTIATE = 1;
    private static final int CHALLENGE = 2;
    private static final int AUTHENTICATE = 3;
    private static final int NEGOTIATE_OEM_DOMAIN_SUPPLIED = 0x00001000;
    private static final int NEGOTIATE_OEM_WORKSTATION_SUPPLIED = 0x00002000;
    private static final int CHALLENGE_HEADER_LENGTH = 48;
    private static final int AUTHENTICATE_HEADER_LENGTH = 64;
    /** NTProofStr and the fixed part of the blob [MS-NLMP 2.2.2.7]. */
    static final int NTLMV2_RESPONSE_MIN_LENGTH = 16 + 28;

    private NtlmMessages() {}

    public record Negotiate(int flags, String domain, String workstation) {}

    /**
     * An AUTHENTICATE message. {@code ntChallengeResponse} is the NTLMv2 response: NTProofStr (16
     * bytes) followed by the client's blob.
     */
    public record Authenticate(
            int flags,
            String domain,
            String user,
            String workstation,
            byte[] lmChallengeResponse,
            byte[] ntChallengeResponse,
            byte[] encryptedRandomSessionKey) {}

    public static Negotiate parseNegotiate(byte[] message) {
        Reader in = new Reader(message, NEGOTIATE, 32);
        int flags = in.int32(12);
        String domain =
                (flags & NEGOTIATE_OEM_DOMAIN_SUPPLIED) != 0 ? new String(in.field(16), StandardCharsets.US_ASCII) : "";
        String workstation = (flags & NEGOTIATE_OEM_WORKSTATION_SUPPLIED) != 0
                ? new String(in.field(24), StandardCharsets.US_ASCII)
                : "";
        return new Negotiate(flags, domain, workstation);
    }

    public static Authenticate parseAuthenticate(byte[] message) {
        Reader in = new Reader(message, AUTHENTICATE, AUTHENTICATE_HEADER_LENGTH);
        int flags = in.int32(60);
        Charset text =
                (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII;
        byte[] lm = in.field(12);
        byte[] nt = in.field(20);
        if (nt.length < NTLMV2_RESPONSE_MIN_LENGTH) {
            // Anonymous (empty) and NTLMv1 (24 bytes) responses both land here; neither is accepted.
            throw new NtlmException("not an NTLMv2 response: NtChallengeResponse of " + nt.length + " bytes");
        }
        byte[] sessionKey = in.field(52);
        if ((flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0 && sessionKey.length != 16) {
            throw new NtlmException("KEY_EXCH with an EncryptedRandomSessionKey of " + sessionKey.length + " bytes");
        }
        return new Authenticate(
                flags,
                new String(in.field(28), text),
                new String(in.field(36), text),
                new String(in.field(44), text),
                lm,
                nt,
                sessionKey);
    }

    /**
     * A CHALLENGE for connectionless NTLM: there is no NEGOTIATE to answer, so the flags are the
     * server's offer, which the client's AUTHENTICATE then narrows. No Version field, as in the
     * CHALLENGE SIPE accepted in docs/protocol/real-client.md appendix C.1.
     */
    public static byte[] challenge(int flags, byte[] serverChallenge, String targetName, byte[] targetInfo) {
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("the server challenge is 8 bytes");
        }
        byte[] name = targetName.getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        writeInt32(out, CHALLENGE);
        writeField(out, name.length, CHALLENGE_HEADER_LENGTH);
        writeInt32(out, flags);
        out.writeBytes(serverChallenge);
        out.writeBytes(new byte[8]);
        writeField(out, targetInfo.length, CHALLENGE_HEADER_LENGTH + name.length);
        out.writeBytes(name);
        out.writeBytes(targetInfo);
        return out.toByteArray();
    }

    /**
     * The AV pairs of a CHALLENGE [MS-NLMP 2.2.2.1], in the order of appendix C.1: NetBIOS domain,
     * NetBIOS computer, DNS domain, DNS computer, then the timestamp (FILETIME, which SIPE copies
     * into its blob) and MsvAvEOL.
     */
    public static byte[] targetInfo(
            String netbiosDomain, String netbiosComputer, String dnsDomain, String dnsComputer, long fileTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeAvPair(out, 2, netbiosDomain.getBytes(StandardCharsets.UTF_16LE));
        writeAvPair(out, 1, netbiosComputer.getBytes(StandardCharsets.UTF_16LE));
        writeAvPair(out, 4, dnsDomain.getBytes(StandardCharsets.UTF_16LE));
        writeAvPair(out, 3, dnsComputer.getBytes(StandardCharsets.UTF_16LE));
        byte[] time = new byte[8];
        for (int i = 0; i < 8; i++) {
            time[i] = (byte) (fileTime >>> (8 * i));
        }
        writeAvPair(out, 7, time);
        writeAvPair(out, 0, new byte[0]);
        return out.toByteArray();
    }

    /** Windows FILETIME: 100 ns intervals since 1601-01-01 UTC. */
    public static long fileTime(long epochMillis) {
        return (epochMillis + 11_644_473_600_000L) * 10_000L;
    }

    static int readInt32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static byte[] int32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static void writeInt32(ByteArrayOutputStream out, int value) {
        out.writeBytes(int32(value));
    }

    private static void writeField(ByteArrayOutputStream out, int length, int offset) {
        out.write(length & 0xff);
        out.write(length >>> 8 & 0xff);
        out.write(length & 0xff);
        out.write(length >>> 8 & 0xff);
        writeInt32(out, offset);
    }

    private static void writeAvPair(ByteArrayOutputStream out, int id, byte[] value) {
        out.write(id & 0xff);
        out.write(id >>> 8 & 0xff);
        out.write(value.length & 0xff);
        out.write(value.length >>> 8 & 0xff);
        out.writeBytes(value);
    }

    /** Bounds-checked access to one message whose signature and type were checked on creation. */
    private static final class Reader {

        private final byte[] message;

        Reader(byte[] message, int expectedType, int headerLength) {
            if (message.length > MAX_MESSAGE_LENGTH) {
                throw new NtlmException("NTLM message of " + message.length + " bytes is too long");
            }
            if (message.length < headerLength) {
                throw new NtlmException("NTLM message of " + message.length + " bytes is shorter than its header");
            }
            if (!Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new NtlmException("not an NTLM message: bad signature");
            }
            int type = readInt32(message, 8);
            if (type != expectedType) {
                throw new NtlmException("NTLM message type " + type + " where " + expectedType + " was expected");
            }
            this.message = message;
        }

        int int32(int at) {
            return readInt32(message, at);
        }

        /** A (Len, MaxLen, BufferOffset) field, the offset taken as unsigned. */
        byte[] field(int at) {
            int length = (message[at] & 0xff) | (message[at + 1] & 0xff) << 8;
            long offset = readInt32(message, at + 4) & 0xffffffffL;
            if (length == 0) {
                return new byte[0];
            }
            if (offset + length > message.length) {
                throw new NtlmException("NTLM field at " + at + " (offset " + offset + ", length " + length
                        + ") runs past the message end " + message.length);
            }
            return Arrays.copyOfRange(message, (int) offset, (int) offset + length);
        }
    }
}
