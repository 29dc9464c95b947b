package org.parley.sip.container;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.List;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * A response to one of our requests. Read-only. Two forms: over the response JAIN-SIP parsed, or lean ({@link
 * #lean}): over the {@link ResponseHead} of a response read without JAIN-SIP's parser (#12), which answers the
 * status, Call-ID, CSeq, the remote address and the headers {@link ResponseHead} takes as they are, and has JAIN-SIP
 * parse the bytes the first time anything else is asked (its From or To as an address, its body, its header names).
 */
sealed class IncomingResponse extends ContainerResponse<OutgoingRequest> permits IncomingResponse.Lean {

    IncomingResponse(Container container, SIPResponse response, OutgoingRequest request) {
        super(container, response, request);
    }

    /** The response read by {@link ResponseHead}, received from {@code from}:{@code port}. */
    static IncomingResponse lean(
            Container container, ResponseHead head, InetAddress from, int port, OutgoingRequest request) {
        return new Lean(container, head, from, port, request);
    }

    @Override
    public void send() {
        throw new IllegalStateException("a received response cannot be sent");
    }

    @Override
    public boolean isCommitted() {
        return true;
    }

    static final class Lean extends IncomingResponse {
        private final ResponseHead head;
        private final InetAddress from;
        private final int port;
        /** JAIN-SIP's parse of the bytes, once something the head does not answer is asked. */
        private SIPResponse parsed;

        private Lean(Container container, ResponseHead head, InetAddress from, int port, OutgoingRequest request) {
            super(container, null, request);
            this.head = head;
            this.from = from;
            this.port = port;
        }

        @Override
        synchronized SIPMessage message() {
            if (parsed == null) {
                try {
                    SIPResponse response =
                            (SIPResponse) new StringMsgParser().parseSIPMessage(head.bytes(), true, false, null);
                    response.setRemoteAddress(from);
                    response.setRemotePort(port);
                    response.setPeerPacketSourceAddress(from);
                    response.setPeerPacketSourcePort(port);
                    parsed = response;
                } catch (ParseException | RuntimeException e) {
                    // ResponseHead took only what JAIN-SIP reads too; should it not, the reader asked the impossible.
                    throw new IllegalStateException("response read without JAIN-SIP does not parse: " + e, e);
                }
            }
            return parsed;
        }

        @Override
        public int getStatus() {
            return head.status();
        }

        @Override
        public String getReasonPhrase() {
            return head.reasonPhrase();
        }

        @Override
        public String getRemoteAddr() {
            return from.getHostAddress();
        }

        @Override
        public int getRemotePort() {
            return port;
        }

        @Override
        public String getMethod() {
            return head.cseqMethod();
        }

        @Override
        public String getCallId() {
            return head.callId();
        }

        @Override
        public long getCSeq() {
            return head.cseqNumber();
        }

        /** A header the head takes as it is from there; another from JAIN-SIP's parse, if the head has it at all. */
        @Override
        public String getHeader(String name) {
            if (ResponseHead.answers(name)) {
                return head.header(name);
            }
            return head.has(name) ? super.getHeader(name) : null;
        }

        @Override
        public List<String> getHeaders(String name) {
            if (ResponseHead.answers(name)) {
                return head.headers(name);
            }
            return head.has(name) ? super.getHeaders(name) : List.of();
        }
    }
}
