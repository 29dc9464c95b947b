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

    /** One signed-in client: who it is and until when (System.nanoTime). */
    public record SignedIn(SipaeSecurityAssociation association, String sipUri, long expiresAt) {
    }

    private final Map<String, SignedIn> byConnection = new ConcurrentHashMap<>();

    void signedIn(String connectionId, SipaeSecurityAssociation association, String sipUri, Duration registration) {
        long now = System.nanoTime();
        byConnection.values().removeIf(s -> s.expiresAt() - now <= 0);
        byConnection.put(connectionId, new SignedIn(association, sipUri, now + registration.plus(GRACE).toNanos()));
    }

    /** The live association of a connection; one past its registration is dropped here. */
    public Optional<SignedIn> find(String connectionId) {
        SignedIn signedIn = byConnection.get(connectionId);
        if (signedIn == null) {
            return Optional.empty();
        }
        if (signedIn.expiresAt() - System.nanoTime() <= 0) {
            if (byConnection.remove(connectionId, signedIn)) {
                LOG.info(() -> "registration of " + signedIn.sipUri() + " on " + connectionId + " ran out");
            }
            return Optional.empty();
        }
        return Optional.of(signedIn);
    }

    void renew(String connectionId, Duration registration) {
        byConnection.computeIfPresent(connectionId, (id, s) -> new SignedIn(s.association(), s.sipUri(),
                System.nanoTime() + registration.plus(GRACE).toNanos()));
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
