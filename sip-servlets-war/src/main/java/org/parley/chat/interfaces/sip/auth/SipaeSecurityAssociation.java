package org.parley.chat.interfaces.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One signed-in client's MS-SIPAE security association [MS-SIPAE 3.2.5.5]: signs what the server
 * sends on its connection ({@code Authentication-Info}) and verifies what the client sends
 * ({@code Authorization} with {@code crand}, {@code cnum}, {@code response}). Thread-safe.
 */
public final class SipaeSecurityAssociation {

    /**
     * SIPE sends and expects NTLM sequence number 100 in every signature and compares all 16 bytes
     * (docs/protocol/real-client.md §4.2); message order lives in {@code snum}/{@code cnum} instead.
     */
    static final int NTLM_SEQUENCE_NUMBER = 100;

    private static final Pattern RAND = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9A-Fa-f]{32}");

    private final String user;
    private final NtlmSession session;
    private final String opaque;
    private final String realm;
    private final String targetName;
    private final SecureRandom random;
    /** Appendix C's server started at 101; SIPE only needs it in the signed string. */
    private final AtomicInteger serverNumber = new AtomicInteger(100);
    /**
     * How far behind the highest {@code cnum} seen a message may still arrive. One client's messages
     * come in order on its connection, but the layer handles different dialogs in parallel, so two of
     * them can reach the check in the other order.
     */
    static final int REPLAY_WINDOW = 64;
    /** The highest cnum accepted, and which of the {@link #REPLAY_WINDOW} below it were (bit i = highest - i). */
    private long highestClientNumber;

    private long seenClientNumbers = 1;

    public SipaeSecurityAssociation(
            String user, NtlmSession session, String opaque, String realm, String targetName, SecureRandom random) {
        this.user = user;
        this.session = session;
        this.opaque = opaque;
        this.realm = realm;
        this.targetName = targetName;
        this.random = random;
    }

    /** The user name the client authenticated as, as it typed it (e.g. {@code alice@contoso.com}). */
    public String user() {
        return user;
    }

    public String opaque() {
        return opaque;
    }

    /** The {@code Authentication-Info} value for one message the server sends. */
    public String authenticationInfo(SipaeSignedFields fields) {
        String srand = HexFormat.of().withUpperCase().toHexDigits(random.nextInt());
        return authenticationInfo(fields, srand, serverNumber.incrementAndGet());
    }

    String authenticationInfo(SipaeSignedFields fields, String srand, int snum) {
        String signed = fields.signedString("NTLM", srand, Integer.toString(snum), realm, targetName);
        byte[] signature = session.sign(signed.getBytes(StandardCharsets.UTF_8), NTLM_SEQUENCE_NUMBER);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("rspauth", HexFormat.of().withUpperCase().formatHex(signature));
        parameters.put("srand", srand);
        parameters.put("snum", Integer.toString(snum));
        parameters.put("opaque", opaque);
        parameters.put("qop", "auth");
        parameters.put("targetname", targetName);
        parameters.put("realm", realm);
        return new SipaeHeader("NTLM", parameters).format();
    }

    /**
     * Verifies a client's signed message and moves the replay window past its {@code cnum}.
     *
     * @throws NtlmException when the header does not belong to this association, is malformed, is
     *         signed wrongly, repeats an earlier {@code cnum} or is {@link #REPLAY_WINDOW} or more behind
     *         the highest
     */
    public void verify(SipaeHeader authorization, SipaeSignedFields fields) {
        if (!"NTLM".equalsIgnoreCase(authorization.scheme()) || !opaque.equals(authorization.parameter("opaque"))) {
            throw new NtlmException("Authorization is not for this security association");
        }
        String crand = require(authorization, "crand", RAND);
        String cnum = require(authorization, "cnum", NUMBER);
        String response = require(authorization, "response", SIGNATURE);
        String signed = fields.signedString("NTLM", crand, cnum, realm, targetName);
        if (!session.verify(
                signed.getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(response))) {
            throw new NtlmException("bad signature from " + user + " (cnum " + cnum + ")");
        }
        accept(Long.parseLong(cnum));
    }

    /** Only a correctly signed message gets here, so a forger cannot move the window and block the client. */
    private synchronized void accept(long number) {
        if (number > highestClientNumber) {
            long shift = number - highestClientNumber;
            seenClientNumbers = shift >= REPLAY_WINDOW ? 1 : (seenClientNumbers << shift) | 1;
            highestClientNumber = number;
            return;
        }
        long behind = highestClientNumber - number;
        if (behind >= REPLAY_WINDOW) {
            throw new NtlmException(
                    "cnum " + number + " from " + user + " is too old (highest " + highestClientNumber + ")");
        }
        if ((seenClientNumbers & (1L << behind)) != 0) {
            throw new NtlmException("replayed cnum " + number + " from " + user);
        }
        seenClientNumbers |= 1L << behind;
    }

    private static String require(SipaeHeader header, String name, Pattern format) {
        String value = header.parameter(name);
        if (value == null || !format.matcher(value).matches()) {
            throw new NtlmException("Authorization parameter '" + name + "' missing or malformed");
        }
        return value;
    }
}
