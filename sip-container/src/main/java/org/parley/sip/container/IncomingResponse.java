package org.parley.sip.container;

import gov.nist.javax.sip.message.SIPResponse;

/** A response to one of our requests. Read-only. */
final class IncomingResponse extends ContainerResponse<OutgoingRequest> {

    IncomingResponse(Container container, SIPResponse response, OutgoingRequest request) {
        super(container, response, request);
    }

    @Override
    public void send() {
        throw new IllegalStateException("a received response cannot be sent");
    }

    @Override
    public boolean isCommitted() {
        return true;
    }
}
