package org.parley.chat.interfaces.sip;

import java.util.Optional;

import org.parley.sip.servlet.SipServletRequest;

/**
 * The one step between the SIP layer and the chat handlers that says who sent a request. Handlers
 * never read identity from the XCCOS body. Implementations: {@link ConfiguredIdentity} (trusted
 * front ends, and an explicit test mode); client authentication (NTLM) plugs in here as well.
 */
public interface ClientIdentity {

    /** The SIP URI the request is attributed to, or empty when it must be refused. */
    Optional<String> identify(SipServletRequest request);
}
