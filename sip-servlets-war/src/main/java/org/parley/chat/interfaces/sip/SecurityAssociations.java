package org.parley.chat.interfaces.sip;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.interfaces.sip.auth.SipaeSecurityAssociation;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipConnectionListener;

/**
 * The clients signed in with NTLM on this node, by the TCP/TLS connection they signed in on. An
 * association lives as long as the registration: renewed by a re-REGISTER, dropped by the
 * un-REGISTER, when the registration runs out, or when the connection closes. Another node of a pool
 * never sees it (docs/ntlm-sign-in.md: front-end affinity).
 */
@ApplicationScoped
public class SecurityAssociations implements SipConnectionListener {

    private static final Logger LOG = Logger.getLogger(SecurityAssociations.class.getName());
    /** SIPE re-registers shortly before its registration runs out; this covers a slow round trip. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * One signed-in client: who it is, until when (System.nanoTime), and, once it has asked to sign
     * out, the un-REGISTER ({@code Call-ID} and {@code CSeq}) whose 200 is the last message it signs.
     */
    public record SignedIn(SipaeSecurityAssociation association, String sipUri, long expiresAt, String leavingWith) {

        private boolean live(long now) {
            return expiresAt - now > 0;
        }
    }

    private final Map<String, SignedIn> byConnection = new ConcurrentHashMap<>();

    void signedIn(String connectionId, SipaeSecurityAssociation association, String sipUri, Duration registration) {
        long now = System.nanoTime();
        byConnection.values().removeIf(s -> s.expiresAt() - now <= 0);
        byConnection.put(connectionId, new SignedIn(association, sipUri, now + registration.plus(GRACE).toNanos(), null));
    }

    /**
     * The live association of a connection, for checking what the client sends and whom it speaks
     * for; one past its registration is dropped here, one signing out is no longer there.
     */
    public Optional<SignedIn> find(String connectionId) {
        return live(connectionId).filter(s -> s.leavingWith() == null);
    }

    /**
     * The association that signs a message Parley sends on a connection: the live one, or, while its
     * client signs out, only for the 200 to that un-REGISTER. Requests of other dialogs run in
     * parallel with the un-REGISTER, so anything else on that connection is already unsigned.
     */
    public Optional<SignedIn> findForSigning(String connectionId, String callId, String cseq) {
        return live(connectionId).filter(s -> s.leavingWith() == null || s.leavingWith().equals(leaving(callId, cseq)));
    }

    private Optional<SignedIn> live(String connectionId) {
        SignedIn signedIn = byConnection.get(connectionId);
        if (signedIn == null) {
            return Optional.empty();
        }
        if (!signedIn.live(System.nanoTime())) {
            if (byConnection.remove(connectionId, signedIn)) {
                LOG.info(() -> "registration of " + signedIn.sipUri() + " on " + connectionId + " ran out");
            }
            return Optional.empty();
        }
        return Optional.of(signedIn);
    }

    private static String leaving(String callId, String cseq) {
        return callId + "\n" + cseq;
    }

    void renew(String connectionId, Duration registration) {
        byConnection.computeIfPresent(connectionId, (id, s) -> new SignedIn(s.association(), s.sipUri(),
                System.nanoTime() + registration.plus(GRACE).toNanos(), s.leavingWith()));
    }

    /**
     * The client asked to sign out with this un-REGISTER: from now on nothing it sends is accepted
     * as signed in, and only the 200 to that request is still signed; {@link #signedOut} then drops it.
     */
    void signingOut(String connectionId, String callId, String cseq) {
        byConnection.computeIfPresent(connectionId, (id, s) -> new SignedIn(s.association(), s.sipUri(), s.expiresAt(),
                leaving(callId, cseq)));
    }

    void signedOut(String connectionId) {
        byConnection.remove(connectionId);
    }

    int size() {
        return byConnection.size();
    }

    @Override
    public void connectionClosed(SipConnection connection) {
        SignedIn gone = byConnection.remove(connection.getId());
        if (gone != null) {
            LOG.info(() -> "security association of " + gone.sipUri() + " ended with its connection " + connection.getId());
        }
    }
}
