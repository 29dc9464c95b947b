package org.parley.chat.interfaces.sip;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The envid of server envelopes: like Lync 2013's, a large number counting up from a random
 * start (docs/protocol/xccos.md §5). Uniqueness per node is enough: clients correlate replies by the
 * command's envid, which the reply echoes in commandid.
 */
@ApplicationScoped
public class EnvelopeIds {

    private final AtomicLong next = new AtomicLong((new SecureRandom().nextLong() >>> 2) + 1_000_000_000_000_000_000L);

    public String next() {
        return Long.toUnsignedString(next.getAndIncrement());
    }
}
