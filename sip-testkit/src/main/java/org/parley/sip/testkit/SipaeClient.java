package org.parley.sip.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of MS-SIPAE NTLM as pidgin-sipe does it (docs/protocol/real-client.md §4): the three REGISTER
 * {@code Authorization} values, then a signature ({@code crand}, {@code cnum}, {@code response}) on
 * every message and a check of the server's {@code rspauth}. Written from MS-NLMP for the tests,
 * independently of the server's classes, with its own MD4 and RC4.
 */
public final class SipaeClient {

    /** SIPE's AUTHENTICATE flags (appendix C.1): KEY_EXCH, 128, TARGET_INFO, IDENTIFY, ESS, ALWAYS_SIGN, NTLM, DATAGRAM, SIGN, REQUEST_TARGET, UNICODE. */
    public static final int FLAGS = 0x60988255;

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z-]+)=(\"([^\"]*)\"|[^,\\s]*)");

    private final String user;
    private final String domain;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private String realm;
    private String targetName;
    private String opaque;
    private byte[] clientSignKey;
    private byte[] clientSealKey;
    private byte[] serverSignKey;
    private byte[] serverSealKey;
    private int cnum;

    /** @param user the login as typed ({@code alice@contoso.com}); @param domain empty unless {@code DOMAIN&#92;user} */
    public SipaeClient(String user, String domain, String password) {
        this.user = user;
        this.domain = domain;
        this.password = password;
    }

    /** The parameters of an {@code NTLM k="v", ...} header value, names lower-case. */
    public static Map<String, String> parameters(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        Matcher m = PARAMETER.matcher(header.replaceFirst("^\\s*\\S+\\s+", ""));
        while (m.find()) {
            out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return out;
    }

    /** The second REGISTER's Authorization, answering the scheme offer (SIPE sends no NEGOTIATE). */
    public String answerOffer(String wwwAuthenticate) {
        Map<String, String> offer = parameters(wwwAuthenticate);
        realm = offer.get("realm");
        targetName = offer.get("targetname");
        return "NTLM qop=\"auth\", realm=\"" + realm + "\", targetname=\"" + targetName
                + "\", gssapi-data=\"\", version=3";
    }

    /** The third REGISTER's Authorization: an NTLMv2 AUTHENTICATE for the CHALLENGE in this 401. */
    public String answerChallenge(String wwwAuthenticate) {
        Map<String, String> challenge = parameters(wwwAuthenticate);
        opaque = challenge.get("opaque");
        realm = challenge.getOrDefault("realm", realm);
        targetName = challenge.getOrDefault("targetname", targetName);
        byte[] message = Base64.getDecoder().decode(challenge.get("gssapi-data"));
        return authorization(authenticate(message));
    }

    /** The AUTHENTICATE's Authorization for an arbitrary token (malformed-input tests). */
    public String authorization(byte[] token) {
        return "NTLM qop=\"auth\", opaque=\"" + opaque + "\", realm=\"" + realm + "\", targetname=\"" + targetName
                + "\", gssapi-data=\"" + Base64.getEncoder().encodeToString(token) + "\", version=3";
    }

    public String opaque() {
        return opaque;
    }

    byte[] authenticate(byte[] challenge) {
        byte[] serverChallenge = Arrays.copyOfRange(challenge, 24, 32);
        int infoLength = u16(challenge, 40);
        int infoOffset = u32(challenge, 44);
        byte[] targetInfo = Arrays.copyOfRange(challenge, infoOffset, infoOffset + infoLength);
        byte[] ntowf = hmacMd5(
                md4(password.getBytes(StandardCharsets.UTF_16LE)),
                (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
        byte[] clientChallenge = new byte[8];
        random.nextBytes(clientChallenge);
        long fileTime = (System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L;
        byte[] blob = concat(
                new byte[] {1, 1, 0, 0, 0, 0, 0, 0},
                le64(fileTime),
                clientChallenge,
                new byte[4],
                targetInfo,
                new byte[4]);
        byte[] proof = hmacMd5(ntowf, serverChallenge, blob);
        byte[] ntResponse = concat(proof, blob);
        byte[] keyExchangeKey = hmacMd5(ntowf, proof);
        byte[] exported = new byte[16];
        random.nextBytes(exported);
        byte[] encryptedKey = rc4(keyExchangeKey, exported);
        clientSignKey = md5(exported, magic("session key to client-to-server signing key magic constant"));
        clientSealKey = md5(exported, magic("session key to client-to-server sealing key magic constant"));
        serverSignKey = md5(exported, magic("session key to server-to-client signing key magic constant"));
        serverSealKey = md5(exported, magic("session key to server-to-client sealing key magic constant"));
        byte[] lm = new byte[24];
        byte[] domainBytes = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] userBytes = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] workstation = "TESTKIT".getBytes(StandardCharsets.UTF_16LE);
        byte[][] payload = {lm, ntResponse, domainBytes, userBytes, workstation, encryptedKey};
        int[] fieldAt = {12, 20, 28, 36, 44, 52};
        byte[] header = new byte[64];
        System.arraycopy("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 8);
        putInt(header, 8, 3);
        int offset = 64;
        for (int i = 0; i < payload.length; i++) {
            putShort(header, fieldAt[i], payload[i].length);
            putShort(header, fieldAt[i] + 2, payload[i].length);
            putInt(header, fieldAt[i] + 4, offset);
            offset += payload[i].length;
        }
        putInt(header, 60, FLAGS);
        return concat(header, lm, ntResponse, domainBytes, userBytes, workstation, encryptedKey);
    }

    /**
     * The {@code Authorization} for a message the client sends, signed over MS-SIPAE version 3's
     * string: {@code from}, {@code to} and {@code pAssertedIdentity} are header values, {@code status}
     * 0 for a request.
     */
    public String sign(
            String callId, String cseq, String from, String to, String pAssertedIdentity, String expires, int status) {
        cnum++;
        return signWith(cnum, callId, cseq, from, to, pAssertedIdentity, expires, status);
    }

    /** As {@link #sign} with a chosen {@code cnum} (replay tests). */
    public String signWith(
            int number,
            String callId,
            String cseq,
            String from,
            String to,
            String pAssertedIdentity,
            String expires,
            int status) {
        String crand = HexFormat.of().toHexDigits(random.nextInt());
        String signed = signedString(
                crand, Integer.toString(number), callId, cseq, from, to, pAssertedIdentity, expires, status);
        byte[] signature = signature(clientSignKey, clientSealKey, signed.getBytes(StandardCharsets.UTF_8));
        return "NTLM qop=\"auth\", opaque=\"" + opaque + "\", realm=\"" + realm + "\", targetname=\"" + targetName
                + "\", crand=\"" + crand + "\", cnum=\"" + number + "\", response=\""
                + HexFormat.of().formatHex(signature) + "\"";
    }

    /** Signs a message of this client's as it will be sent: the headers are read from the text. */
    public String sign(RawSip.Msg message) {
        return sign(
                message.header("Call-ID"),
                message.header("CSeq"),
                message.header("From"),
                message.header("To"),
                message.header("P-Asserted-Identity"),
                message.header("Expires"),
                message.isRequest() ? 0 : message.status());
    }

    /** The message text with an {@code Authorization} signing it inserted after its last header. */
    public String signed(String message) {
        int end = message.indexOf("\r\n\r\n");
        String head = message.substring(0, end);
        return head + "\r\nAuthorization: " + sign(RawSip.Msg.parse(head, "")) + message.substring(end);
    }

    /**
     * The handshake of docs/protocol/real-client.md §4.1 on the registration dialog's connection: REGISTER, the
     * offer's answer, the AUTHENTICATE. Stops at the first answer that is not the expected 401.
     *
     * @return the last response (200 when signed in)
     */
    public RawSip.Msg signIn(ClientDialog registration) throws IOException {
        RawSip.Msg offer = registration.call("REGISTER", null, "Expires: 7200");
        if (offer.status() != 401) {
            return offer;
        }
        RawSip.Msg challenge = registration.call(
                "REGISTER", null, "Expires: 7200", "Authorization: " + answerOffer(offer.header("WWW-Authenticate")));
        if (challenge.status() != 401
                || challenge.header("WWW-Authenticate") == null
                || !challenge.header("WWW-Authenticate").contains("gssapi-data")) {
            return challenge;
        }
        return registration.call(
                "REGISTER",
                null,
                "Expires: 7200",
                "Authorization: " + answerChallenge(challenge.header("WWW-Authenticate")));
    }

    /** Whether a message from the server carries a right {@code rspauth} for this association. */
    public boolean verify(RawSip.Msg message) {
        Map<String, String> info = parameters(message.header("Authentication-Info"));
        String rspauth = info.get("rspauth");
        if (rspauth == null || !opaque.equals(info.get("opaque"))) {
            return false;
        }
        String signed = signedString(
                info.get("srand"),
                info.get("snum"),
                message.header("Call-ID"),
                message.header("CSeq"),
                message.header("From"),
                message.header("To"),
                message.header("P-Asserted-Identity"),
                message.header("Expires"),
                message.isRequest() ? 0 : message.status());
        byte[] expected = signature(serverSignKey, serverSealKey, signed.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(rspauth));
    }

    private String signedString(
            String rand,
            String number,
            String callId,
            String cseq,
            String from,
            String to,
            String pAssertedIdentity,
            String expires,
            int status) {
        String[] cseqParts = cseq.trim().split("\\s+");
        String sipUri = "";
        String telUri = "";
        if (pAssertedIdentity != null) {
            for (String identity : pAssertedIdentity.split(",")) {
                String uri = uri(identity);
                if (uri.startsWith("sip:")) {
                    sipUri = uri;
                } else if (uri.startsWith("tel:")) {
                    telUri = uri;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {
            "NTLM",
            rand,
            number,
            realm,
            targetName,
            callId.trim(),
            cseqParts[0],
            cseqParts[1],
            uri(from),
            tag(from),
            uri(to),
            tag(to),
            sipUri,
            telUri,
            expires == null ? "" : expires.trim()
        }) {
            out.append('<').append(field).append('>');
        }
        if (status != 0) {
            out.append('<').append(status).append('>');
        }
        return out.toString();
    }

    private static String uri(String address) {
        int open = address.indexOf('<');
        if (open >= 0) {
            return address.substring(open + 1, address.indexOf('>', open)).trim();
        }
        int semicolon = address.indexOf(';');
        return (semicolon < 0 ? address : address.substring(0, semicolon)).trim();
    }

    private static String tag(String address) {
        int close = address.indexOf('>');
        for (String parameter : (close < 0 ? address : address.substring(close + 1)).split(";")) {
            if (parameter.trim().toLowerCase(Locale.ROOT).startsWith("tag=")) {
                return parameter.trim().substring(4);
            }
        }
        return "";
    }

    private static byte[] signature(byte[] signKey, byte[] sealKey, byte[] message) {
        byte[] seq = le32(100);
        byte[] checksum = Arrays.copyOf(hmacMd5(signKey, seq, message), 8);
        checksum = rc4(md5(sealKey, seq), checksum);
        return concat(le32(1), checksum, seq);
    }

    // ---- primitives

    private static byte[] magic(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(ascii, ascii.length + 1);
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] rc4(byte[] key, byte[] data) {
        int[] s = new int[256];
        for (int i = 0; i < 256; i++) {
            s[i] = i;
        }
        for (int i = 0, j = 0; i < 256; i++) {
            j = (j + s[i] + (key[i % key.length] & 0xff)) & 0xff;
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        byte[] out = new byte[data.length];
        for (int k = 0, i = 0, j = 0; k < data.length; k++) {
            i = (i + 1) & 0xff;
            j = (j + s[i]) & 0xff;
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
            out[k] = (byte) (data[k] ^ s[(s[i] + s[j]) & 0xff]);
        }
        return out;
    }

    /** MD4 (RFC 1320), which the JDK does not offer. */
    public static byte[] md4(byte[] input) {
        long bitLength = (long) input.length * 8;
        int padded = ((input.length + 8) / 64 + 1) * 64;
        byte[] m = Arrays.copyOf(input, padded);
        m[input.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            m[padded - 8 + i] = (byte) (bitLength >>> (8 * i));
        }
        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = u32(m, block + 4 * i);
            }
            int[] abcd = state.clone();
            md4Round(abcd, x, (b, c, d) -> (b & c) | (~b & d), MD4_ORDER_1, new int[] {3, 7, 11, 19}, 0);
            md4Round(
                    abcd,
                    x,
                    (b, c, d) -> (b & c) | (b & d) | (c & d),
                    MD4_ORDER_2,
                    new int[] {3, 5, 9, 13},
                    0x5a827999);
            md4Round(abcd, x, (b, c, d) -> b ^ c ^ d, MD4_ORDER_3, new int[] {3, 9, 11, 15}, 0x6ed9eba1);
            for (int i = 0; i < 4; i++) {
                state[i] += abcd[i];
            }
        }
        return concat(le32(state[0]), le32(state[1]), le32(state[2]), le32(state[3]));
    }

    private static final int[] MD4_ORDER_1 = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int[] MD4_ORDER_2 = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] MD4_ORDER_3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};

    /** How a round of MD4 mixes three of its four words. */
    private interface Md4Mix {
        int of(int b, int c, int d);
    }

    /**
     * One of MD4's three rounds over a block's words {@code x}, in place on {@code abcd}: the rounds differ only in
     * how they mix, the order they read the words in, their shifts and the constant they add (RFC 1320 3.4).
     */
    private static void md4Round(int[] abcd, int[] x, Md4Mix mix, int[] order, int[] shifts, int constant) {
        for (int i = 0; i < 16; i++) {
            int t = Integer.rotateLeft(
                    abcd[0] + mix.of(abcd[1], abcd[2], abcd[3]) + x[order[i]] + constant, shifts[i % 4]);
            abcd[0] = abcd[3];
            abcd[3] = abcd[2];
            abcd[2] = abcd[1];
            abcd[1] = t;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] le32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static byte[] le64(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void putShort(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
    }

    private static void putInt(byte[] b, int at, int value) {
        System.arraycopy(le32(value), 0, b, at, 4);
    }
}
