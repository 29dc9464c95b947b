package org.parley.sip.container;

import gov.nist.javax.sip.SipStackImpl;

import javax.sip.PeerUnavailableException;
import java.util.Properties;

/**
 * JAIN-SIP's stack with its network layer wrapped in a {@link NoDelayNetworkLayer}. Wrapping here,
 * rather than naming a layer in gov.nist.javax.sip.NETWORK_LAYER, keeps the layer the stack built
 * from our keystore properties: a named layer replaces it and is never told those properties.
 */
final class NoDelaySipStack extends SipStackImpl {

    NoDelaySipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
        networkLayer = new NoDelayNetworkLayer(getNetworkLayer());
    }
}
