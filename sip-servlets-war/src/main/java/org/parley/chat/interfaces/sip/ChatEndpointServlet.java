package org.parley.chat.interfaces.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.ChatEndpoints;
import org.parley.chat.interfaces.xccos.XccosDispatcher;
import org.parley.sip.connector.ConfiguredMapping;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSession;
import org.parley.xccos.Command;
import org.parley.xccos.Outbound;
import org.parley.xccos.XccosCodec;
import org.parley.xccos.XccosException;
import org.parley.xccos.XccosNames;

/**
 * The chat endpoints (lookup and chat server) over SIP: an INVITE opens the client's session, each
 * INFO carries one XCCOS command or post, answered with a plain 200 and then by the server's own INFO
 * in the same dialog (PROTOCOL.md §3, §4). SIP in, typed commands out: everything about chat happens
 * behind {@link XccosDispatcher}.
 */
@Dependent
public class ChatEndpointServlet extends SipServlet implements ConfiguredMapping {

    private static final Logger LOG = Logger.getLogger(ChatEndpointServlet.class.getName());
    private static final String SDP = "application/sdp";

    @Inject
    ChatEndpoints endpoints;

    @Inject
    XccosDispatcher dispatcher;

    @Inject
    EnvelopeIds envelopeIds;

    private final XccosCodec codec = new XccosCodec();

    @Override
    public List<String> mappedUsers() {
        return endpoints.users();
    }

    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        SipServletResponse ok = request.createResponse(200);
        // An IM session answer, as Lync servers send: SIPE needs none, others may (REAL-CLIENT.md A.3).
        String host = request.getConnection().getLocalAddress();
        String sdp = "v=0\r\no=- 0 0 IN IP4 " + host + "\r\ns=session\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=message " + request.getConnection().getLocalPort() + " sip null\r\na=accept-types:text/plain\r\n";
        ok.setContent(sdp.getBytes(StandardCharsets.US_ASCII), SDP);
        ok.send();
    }

    @Override
    protected void doInfo(SipServletRequest request) throws IOException {
        XccosCodec.Envelope envelope;
        try {
            envelope = codec.parse(request.getRawContent() == null ? new byte[0] : request.getRawContent());
        } catch (XccosException e) {
            LOG.fine(() -> "malformed XCCOS from " + request.getFrom() + ": " + e.getMessage());
            request.createResponse(400, "Malformed XCCOS: " + e.getMessage()).send();
            return;
        }
        request.createResponse(200).send();

        SipSession session = request.getSession();
        ChatClient client = new ChatClient(request.getFrom().getURI().toString(),
                session.getLocalParty().getURI().toString(), session.getId());
        List<Outbound> replies = new ArrayList<>();
        for (var item : envelope.items()) {
            if (item instanceof Command command) {
                replies.addAll(dispatcher.dispatch(command, client));
            }
        }
        for (Outbound reply : replies) {
            sendInfo(session, reply);
        }
    }

    private void sendInfo(SipSession session, Outbound item) {
        if (!session.isValid()) {
            return;
        }
        SipServletRequest info = session.createRequest("INFO");
        info.setContent(codec.write(envelopeIds.next(), item), XccosNames.CONTENT_TYPE);
        info.send().whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "INFO to " + session.getRemoteParty() + " failed", failure);
            }
        });
    }
}
