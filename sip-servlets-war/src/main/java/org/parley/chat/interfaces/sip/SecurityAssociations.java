package org.parley.chat.interfaces.sip;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.interfaces.sip.auth.SipaeHeader;
import org.parley.chat.interfaces.sip.auth.SipaeSecurityAssociation;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipConnectionListener;
import org.parley.sip.servlet.SipServletMessage;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSession;

/**
 * The clients signed in with NTLM on this node. An association is named by its {@code opaque}, which the client
 * repeats in every message it signs (docs/protocol/real-client.md §4.2), and remembers the flow it signed in on:
 * <ul>
 * <li>a client's own TCP/TLS connection: the association is that connection's, ends with it, and anything
 * unsigned on the connection is refused (nobody speaks between the client's signed messages);</li>
 * <li>the connection of a trusted front end ({@code parley.sip.trusted-front-ends}, Kamailio before a pool),
 * which carries many clients and the proxy's own probes: the association is found by the opaque a message
 * names, unsigned messages are only unauthenticated, and it outlives the proxy's connections.</li>
 * </ul>
 * An association lives as long as the registration: renewed by a re-REGISTER, dropped by the un-REGISTER or when
 * the registration runs out. It is this node's: a front end keeps a client on one node (the hash of its From), and
 * a client whose node died is asked to sign in again where it lands (its signed requests name an opaque that node
 * does not know: the REGISTER gets a new challenge; docs/ntlm-sign-in.md).
 */
@ApplicationScoped
public class SecurityAssociations implements SipConnectionListener {

    private static final Logger LOG = Logger.getLogger(SecurityAssociations.class.getName());
    /** SIPE re-registers shortly before its registration runs out; this covers a slow round trip. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * One signed-in client: who it is, until when (System.nanoTime), and, once it has asked to sign
     * out, the un-REGISTER ({@code Call-ID} and {@code CSeq}) whose 200 is the last message it signs.
     *
     * @param key          its opaque (in tests without an association, its connection's id)
     * @param connectionId the connection it signed in on
     * @param viaFrontEnd  whether that connection is a trusted front end's, shared by many clients
     */
    public record SignedIn(
            SipaeSecurityAssociation association,
            String sipUri,
            long expiresAt,
            String leavingWith,
            String key,
            String connectionId,
            boolean viaFrontEnd) {

        private boolean live(long now) {
            return expiresAt - now > 0;
        }

        private SignedIn until(long expiresAt, String leavingWith) {
            return new SignedIn(association, sipUri, expiresAt, leavingWith, key, connectionId, viaFrontEnd);
        }
    }

    private final Map<String, SignedIn> byKey = new ConcurrentHashMap<>();
    /** The association of each client's own connection (never a front end's). */
    private final Map<String, String> keyByConnection = new ConcurrentHashMap<>();

    /** A client signed in on its own connection. */
    void signedIn(String connectionId, SipaeSecurityAssociation association, String sipUri, Duration registration) {
        signedIn(connectionId, false, association, sipUri, registration);
    }

    void signedIn(
            String connectionId,
            boolean viaFrontEnd,
            SipaeSecurityAssociation association,
            String sipUri,
            Duration registration) {
        long now = System.nanoTime();
        byKey.values().removeIf(s -> {
            boolean over = s.expiresAt() - now <= 0;
            if (over) {
                keyByConnection.remove(s.connectionId(), s.key());
            }
            return over;
        });
        String key = association == null ? connectionId : association.opaque();
        if (!viaFrontEnd) {
            String replaced = keyByConnection.put(connectionId, key);
            if (replaced != null && !replaced.equals(key)) {
                byKey.remove(replaced);
            }
        }
        byKey.put(
                key,
                new SignedIn(
                        association,
                        sipUri,
                        now + registration.plus(GRACE).toNanos(),
                        null,
                        key,
                        connectionId,
                        viaFrontEnd));
    }

    /**
     * The association a message that came in is signed for: the one its opaque names, or, on a client's own
     * connection, that connection's (whether the message is signed or not). Empty for a message through a front
     * end that names no association, and for an opaque of another client's connection.
     */
    public Optional<String> keyOfIncoming(SipServletMessage message) {
        SipConnection connection = message.getConnection();
        if (connection == null) {
            return Optional.empty();
        }
        return key(opaqueOf(message.getHeader("Authorization")), connection);
    }

    /** The live association a message that came in is signed for ({@link #keyOfIncoming}, then {@link #find}). */
    public Optional<SignedIn> ofIncoming(SipServletMessage message) {
        return keyOfIncoming(message).flatMap(this::find);
    }

    /**
     * The association a message Parley sends is signed with: a response's, that of the request it answers; a
     * request's, that of its dialog (remembered when the dialog's first response was sent); on a client's own
     * connection, that connection's.
     */
    public Optional<String> keyOfOutgoing(SipServletMessage message) {
        SipConnection connection = message.getConnection();
        if (connection == null) {
            return Optional.empty();
        }
        String opaque = null;
        if (message instanceof SipServletResponse response && response.getRequest() != null) {
            opaque = opaqueOf(response.getRequest().getHeader("Authorization"));
            SipSession dialog = message.getSession();
            if (opaque != null && dialog != null && SessionKey.ASSOCIATION.get(dialog) == null) {
                SessionKey.ASSOCIATION.set(dialog, opaque);
            }
        } else if (message.getSession() != null) {
            opaque = SessionKey.ASSOCIATION.get(message.getSession());
        }
        return key(opaque, connection);
    }

    /** The association of the client at a dialog's other end, if it is still signed in. */
    public Optional<SignedIn> ofDialog(SipSession dialog) {
        SipConnection connection = dialog.getConnection();
        if (connection == null) {
            return Optional.empty();
        }
        return key(SessionKey.ASSOCIATION.get(dialog), connection).flatMap(this::find);
    }

    private Optional<String> key(String opaque, SipConnection connection) {
        if (opaque != null) {
            SignedIn signedIn = byKey.get(opaque);
            boolean usable = signedIn != null
                    ? signedIn.viaFrontEnd() || signedIn.connectionId().equals(connection.getId())
                    : DialogIdentity.isTrustedFrontEnd(connection.getRemoteAddress());
            if (usable) {
                return Optional.of(opaque);
            }
        }
        // A client's own connection: its association, against which a message signed for another one fails.
        return Optional.ofNullable(keyByConnection.get(connection.getId()));
    }

    private static String opaqueOf(String authorization) {
        if (authorization == null || authorization.length() > SipaeHeader.MAX_LENGTH) {
            return null;
        }
        try {
            return SipaeHeader.parse(authorization).parameter("opaque");
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /**
     * The live association under a key, for checking what the client sends and whom it speaks
     * for; one past its registration is dropped here, one signing out is no longer there.
     */
    public Optional<SignedIn> find(String key) {
        return live(key).filter(s -> s.leavingWith() == null);
    }

    /**
     * The association that signs a message Parley sends: the live one, or, while its client signs out, only for
     * the 200 to that un-REGISTER. Requests of other dialogs run in parallel with the un-REGISTER, so anything else
     * for that client is already unsigned.
     */
    public Optional<SignedIn> findForSigning(String key, String callId, String cseq) {
        return live(key).filter(s -> s.leavingWith() == null || s.leavingWith().equals(leaving(callId, cseq)));
    }

    private Optional<SignedIn> live(String key) {
        SignedIn signedIn = key == null ? null : byKey.get(key);
        if (signedIn == null) {
            return Optional.empty();
        }
        if (!signedIn.live(System.nanoTime())) {
            if (byKey.remove(key, signedIn)) {
                keyByConnection.remove(signedIn.connectionId(), key);
                LOG.info(() -> "registration of " + signedIn.sipUri() + " on " + signedIn.connectionId() + " ran out");
            }
            return Optional.empty();
        }
        return Optional.of(signedIn);
    }

    private static String leaving(String callId, String cseq) {
        return callId + "\n" + cseq;
    }

    void renew(String key, Duration registration) {
        byKey.computeIfPresent(
                key,
                (k, s) -> s.until(System.nanoTime() + registration.plus(GRACE).toNanos(), s.leavingWith()));
    }

    /**
     * The client asked to sign out with this un-REGISTER: from now on nothing it sends is accepted
     * as signed in, and only the 200 to that request is still signed; {@link #signedOut} then drops it.
     */
    void signingOut(String key, String callId, String cseq) {
        byKey.computeIfPresent(key, (k, s) -> s.until(s.expiresAt(), leaving(callId, cseq)));
    }

    void signedOut(String key) {
        SignedIn gone = byKey.remove(key);
        if (gone != null) {
            keyByConnection.remove(gone.connectionId(), key);
        }
    }

    int size() {
        return byKey.size();
    }

    /** A client's own connection takes its association with it; a front end's connection carries on elsewhere. */
    @Override
    public void connectionClosed(SipConnection connection) {
        String key = keyByConnection.remove(connection.getId());
        SignedIn gone = key == null ? null : byKey.remove(key);
        if (gone != null) {
            LOG.info(() ->
                    "security association of " + gone.sipUri() + " ended with its connection " + connection.getId());
        }
    }
}
