package org.parley.sip.connector;

import java.util.function.BooleanSupplier;

import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletMessage;
import org.parley.sip.servlet.SipServletRequest;

/**
 * Answers an OPTIONS outside a dialog with 503 while the node is not ready (a readiness check down, or WildFly
 * suspended to drain it): the way a SIP front end probes its back ends (Kamailio's dispatcher pings each node with
 * OPTIONS and takes out one whose answer is not in its reply codes). Registered first, before the NTLM interceptor,
 * whose 401 would otherwise say "alive". Everything else passes: a node that is not ready still serves the dialogs
 * it has.
 */
final class ReadinessGate implements SipMessageInterceptor {

    private final BooleanSupplier ready;

    ReadinessGate(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void incoming(SipServletMessage message) throws SipMessageRejectedException {
        if (message instanceof SipServletRequest request
                && "OPTIONS".equals(request.getMethod())
                && request.isInitial()
                && !ready.getAsBoolean()) {
            throw new SipMessageRejectedException(503, "Service Unavailable (not ready)");
        }
    }
}
