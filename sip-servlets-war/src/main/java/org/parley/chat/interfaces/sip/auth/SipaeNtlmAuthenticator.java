package org.parley.chat.interfaces.sip.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The server side of the MS-SIPAE NTLM handshake over REGISTER [MS-SIPAE 3.2.5.1; docs/protocol/real-client.md
 * §4.1]: a REGISTER without credentials gets the scheme offer, one with empty {@code gssapi-data}
 * (or a NEGOTIATE) gets a CHALLENGE under a fresh {@code opaque}, and one with an AUTHENTICATE under
 * that {@code opaque} becomes a {@link SipaeSecurityAssociation}. Each CHALLENGE can be answered once
 * and only within {@link #CHALLENGE_LIFETIME_NANOS}.
 */
public final class SipaeNtlmAuthenticator {

    /** The realm every Lync server and SIPE use; clients compare it literally. */
    public static final String REALM = "SIP Communications Service";

    static final long CHALLENGE_LIFETIME_NANOS = 60_000_000_000L;
    static final int MAX_PENDING_CHALLENGES = 10_000;

    /** The names the server gives itself in the CHALLENGE and in every MS-SIPAE header. */
    public record ServerNames(String targetName, String netbiosDomain, String netbiosComputer, String dnsDomain) {}

    /** Where NT hashes come from; never passwords. */
    @FunctionalInterface
    public interface NtHashes {
        /**
         * @param user the user name as the client typed it ({@code alice@contoso.com})
         * @param domain the NTLM domain, empty unless the client signed in as {@code DOMAIN&#92;user}
         */
        Optional<byte[]> ntHash(String user, String domain);
    }

    /** What to answer the REGISTER with. */
    public sealed interface Outcome {}

    /** Answer 401 with this {@code WWW-Authenticate} value. */
    public record Challenge(String wwwAuthenticate) implements Outcome {}

    /** The client proved its password; answer 200 signed by the association. */
    public record Authenticated(SipaeSecurityAssociation association) implements Outcome {}

    private record Pending(byte[] serverChallenge, long expiresAt) {}

    private final ServerNames names;
    private final NtHashes ntHashes;
    private final SecureRandom random;
    private final LongSupplier nanoTime;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public SipaeNtlmAuthenticator(ServerNames names, NtHashes ntHashes, SecureRandom random, LongSupplier nanoTime) {
        this.names = names;
        this.ntHashes = ntHashes;
        this.random = random;
        this.nanoTime = nanoTime;
    }

    /**
     * @param authorization the REGISTER's {@code Authorization} value, or null
     * @throws NtlmException when the client's answer is malformed, stale, or proves nothing: answer 403
     */
    public Outcome register(String authorization) {
        if (authorization == null) {
            return offer();
        }
        SipaeHeader header = SipaeHeader.parse(authorization);
        String gssapiData = header.parameter("gssapi-data");
        if (!"NTLM".equalsIgnoreCase(header.scheme()) || gssapiData == null) {
            return offer();
        }
        byte[] token = decode(gssapiData);
        if (token.length == 0) {
            return challenge();
        }
        if (token.length >= 12 && NtlmMessages.readInt32(token, 8) == 1) {
            NtlmMessages.parseNegotiate(token);
            return challenge();
        }
        return authenticate(header, token);
    }

    /**
     * Whether a REGISTER's {@code Authorization} is a step of the handshake (none yet, or carrying
     * {@code gssapi-data}) rather than the signature of a signed-in client.
     */
    public static boolean isHandshake(String authorization) {
        if (authorization == null) {
            return true;
        }
        try {
            return SipaeHeader.parse(authorization).parameter("gssapi-data") != null;
        } catch (NtlmException malformed) {
            return true;
        }
    }

    /**
     * Checks the form of a handshake step before any work is done for it and names the user an
     * AUTHENTICATE is for, so that a locked-out user is refused without verification.
     *
     * @return the AUTHENTICATE's (user, domain), or empty for the other steps
     * @throws NtlmException when the header, its base64 or the NTLM message is malformed
     */
    public static Optional<String[]> inspect(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        SipaeHeader header = SipaeHeader.parse(authorization);
        String gssapiData = header.parameter("gssapi-data");
        if (!"NTLM".equalsIgnoreCase(header.scheme()) || gssapiData == null) {
            return Optional.empty();
        }
        byte[] token = decode(gssapiData);
        if (token.length == 0) {
            return Optional.empty();
        }
        if (token.length >= 12 && NtlmMessages.readInt32(token, 8) == 1) {
            NtlmMessages.parseNegotiate(token);
            return Optional.empty();
        }
        NtlmMessages.Authenticate authenticate = NtlmMessages.parseAuthenticate(token);
        return Optional.of(new String[] {authenticate.user(), authenticate.domain()});
    }

    /** How many CHALLENGEs await their AUTHENTICATE; for monitoring and tests. */
    int pendingChallenges() {
        return pending.size();
    }

    private Challenge offer() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("realm", REALM);
        parameters.put("targetname", names.targetName());
        parameters.put("version", "3");
        return new Challenge(new SipaeHeader("NTLM", parameters).format());
    }

    private Challenge challenge() {
        long now = nanoTime.getAsLong();
        if (pending.size() >= MAX_PENDING_CHALLENGES) {
            pending.values().removeIf(p -> p.expiresAt() - now < 0);
            if (pending.size() >= MAX_PENDING_CHALLENGES) {
                throw new NtlmException("too many unanswered NTLM challenges");
            }
        }
        byte[] serverChallenge = new byte[8];
        random.nextBytes(serverChallenge);
        String opaque;
        do {
            opaque = HexFormat.of().withUpperCase().toHexDigits(random.nextInt());
        } while (pending.putIfAbsent(opaque, new Pending(serverChallenge, now + CHALLENGE_LIFETIME_NANOS)) != null);
        byte[] targetInfo = NtlmMessages.targetInfo(
                names.netbiosDomain(),
                names.netbiosComputer(),
                names.dnsDomain(),
                names.targetName(),
                NtlmMessages.fileTime(System.currentTimeMillis()));
        byte[] message =
                NtlmMessages.challenge(NtlmFlags.SERVER_CHALLENGE, serverChallenge, names.netbiosDomain(), targetInfo);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("opaque", opaque);
        parameters.put("gssapi-data", Base64.getEncoder().encodeToString(message));
        parameters.put("targetname", names.targetName());
        parameters.put("realm", REALM);
        parameters.put("version", "3");
        return new Challenge(new SipaeHeader("NTLM", parameters).format());
    }

    private Authenticated authenticate(SipaeHeader header, byte[] token) {
        String opaque = header.parameter("opaque");
        Pending challenge = opaque == null ? null : pending.remove(opaque);
        if (challenge == null || challenge.expiresAt() - nanoTime.getAsLong() < 0) {
            throw new NtlmException("AUTHENTICATE for an unknown, used or expired opaque " + opaque);
        }
        NtlmMessages.Authenticate authenticate = NtlmMessages.parseAuthenticate(token);
        Optional<byte[]> ntHash = ntHashes.ntHash(authenticate.user(), authenticate.domain());
        // An unknown user costs the same work as a wrong password, so timing does not reveal who exists.
        byte[] hash = ntHash.orElseGet(() -> {
            byte[] unknown = new byte[16];
            random.nextBytes(unknown);
            return unknown;
        });
        NtlmSession session = NtlmSession.accept(challenge.serverChallenge(), authenticate, hash);
        if (ntHash.isEmpty()) {
            throw new NtlmException("unknown user " + authenticate.user());
        }
        return new Authenticated(
                new SipaeSecurityAssociation(authenticate.user(), session, opaque, REALM, names.targetName(), random));
    }

    private static byte[] decode(String base64) {
        if (base64.length() > SipaeHeader.MAX_LENGTH) {
            throw new NtlmException("gssapi-data too long");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new NtlmException("gssapi-data is not base64");
        }
    }
}
