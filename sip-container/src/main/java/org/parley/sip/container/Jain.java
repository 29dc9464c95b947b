package org.parley.sip.container;

import java.util.concurrent.ThreadLocalRandom;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

/**
 * The JAIN-SIP factories, created directly rather than through {@code javax.sip.SipFactory}, whose
 * process-wide singleton would be shared with every other stack in the JVM (and its path name).
 * All three are stateless and thread-safe.
 */
final class Jain {

    static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();
    static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();

    private Jain() {}

    /** A dialog tag or Call-ID part: 32 random bits in hex, as Lync writes them. */
    static String newTag() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    static String newCallId(String hostName) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()) + "@" + hostName;
    }
}
