package org.parley.sip.container;

import java.io.IOException;

import gov.nist.javax.sip.message.SIPResponse;

/** A response to a received request, on its way out. */
final class OutgoingResponse extends ContainerResponse<IncomingRequest> {

    private volatile boolean sent;

    OutgoingResponse(Container container, SIPResponse response, IncomingRequest request) {
        super(container, response, request);
    }

    void markSent() {
        sent = true;
    }

    @Override
    public void send() throws IOException {
        container.responder().send(this);
    }

    @Override
    public boolean isCommitted() {
        return sent;
    }
}
