package org.parley.sip.container;

import java.util.ArrayList;
import java.util.List;

import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletMessage;

/** The registered interceptors, called first-to-last on the way in and last-to-first on the way out. */
final class InterceptorChain {

    private volatile List<SipMessageInterceptor> interceptors = List.of();

    synchronized void add(SipMessageInterceptor interceptor) {
        List<SipMessageInterceptor> more = new ArrayList<>(interceptors);
        more.add(interceptor);
        interceptors = List.copyOf(more);
    }

    void incoming(SipServletMessage message) throws SipMessageRejectedException {
        for (SipMessageInterceptor interceptor : interceptors) {
            interceptor.incoming(message);
        }
    }

    void outgoing(SipServletMessage message) {
        List<SipMessageInterceptor> chain = interceptors;
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).outgoing(message);
        }
    }
}
