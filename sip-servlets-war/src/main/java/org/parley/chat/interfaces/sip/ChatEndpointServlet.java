package org.parley.chat.interfaces.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.parley.chat.application.PolicyService;
import org.parley.chat.application.presence.OnlineClients;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.ChatEndpoints;
import org.parley.chat.interfaces.xccos.ChatErrors;
import org.parley.chat.interfaces.xccos.FollowersOutside;
import org.parley.chat.interfaces.xccos.PostHandler;
import org.parley.chat.interfaces.xccos.RoomResumption;
import org.parley.chat.interfaces.xccos.XccosDispatcher;
import org.parley.sip.connector.ConfiguredMapping;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSession;
import org.parley.xccos.Command;
import org.parley.xccos.Inbound;
import org.parley.xccos.Outbound;
import org.parley.xccos.Post;
import org.parley.xccos.Result;
import org.parley.xccos.XccosCodec;
import org.parley.xccos.XccosException;

/**
 * The chat endpoints (lookup and chat server) over SIP: an INVITE opens the client's session, each
 * INFO carries one XCCOS command or post. A command is answered with a plain 200, then its reply
 * travels as the server's own INFO in the same dialog (docs/protocol/xccos.md §3, §4); a post is stored before
 * the 200, so a refused post gets a SIP error instead (there is no reply element for posts).
 * SIP in, typed commands out: everything about chat happens behind the dispatcher and handlers.
 */
@Dependent
public class ChatEndpointServlet extends SipServlet implements ConfiguredMapping {

    private static final Logger LOG = Logger.getLogger(ChatEndpointServlet.class.getName());
    private static final String SDP = "application/sdp";

    @Inject
    ChatEndpoints endpoints;

    @Inject
    ClientIdentity identity;

    @Inject
    PolicyService policies;

    @Inject
    XccosDispatcher dispatcher;

    @Inject
    PostHandler postHandler;

    @Inject
    SipClientDelivery delivery;

    @Inject
    OnlineClients online;

    @Inject
    FollowersOutside followersOutside;

    @Inject
    RoomResumption resumption;

    @Inject
    ParleyMeters meters;

    private final XccosCodec codec = new XccosCodec();

    @Override
    public List<String> mappedUsers() {
        return endpoints.users();
    }

    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        Optional<String> user = identity.identify(request);
        if (user.isEmpty()) {
            LOG.info(() -> "INVITE from " + request.getConnection().getRemoteAddress() + " for " + request.getFrom()
                    + " refused: no trusted identity");
            request.createResponse(403, "Forbidden (not authenticated)").send();
            return;
        }
        if (!policies.isEnabled(user.get())) {
            request.createResponse(403, "Persistent chat is not enabled for " + user.get())
                    .send();
            return;
        }
        SipSession session = request.getSession();
        SessionKey.USER.set(session, user.get());
        SipServletResponse ok = request.createResponse(200);
        // An IM session answer, as Lync servers send: SIPE needs none, others may (docs/protocol/real-client.md A.3).
        String host = endpoints.hostName();
        String sdp = "v=0\r\no=- 0 0 IN IP4 " + host + "\r\ns=session\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=message " + request.getConnection().getLocalPort() + " sip null\r\na=accept-types:text/plain\r\n";
        ok.setContent(sdp.getBytes(StandardCharsets.US_ASCII), SDP);
        ok.send();
        delivery.register(session);
        online.connected(user.get(), session.getId());
        followersOutside.signedIn(user.get(), session.getId());
    }

    private static void answer(SipServletRequest request, int status, String reason) {
        try {
            (reason == null ? request.createResponse(status) : request.createResponse(status, reason)).send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doInfo(SipServletRequest request) throws IOException {
        long start = System.nanoTime();
        SipSession session = request.getSession();
        String user = SessionKey.USER.get(session);
        XccosCodec.Envelope envelope;
        try {
            envelope = codec.parse(request.getRawContent() == null ? new byte[0] : request.getRawContent());
        } catch (XccosException e) {
            LOG.fine(() -> "malformed XCCOS from " + user + ": " + e.getMessage());
            request.createResponse(400, "Malformed XCCOS: " + e.getMessage()).send();
            return;
        }
        ChatClient client =
                new ChatClient(user, session.getLocalParty().getURI().toString(), session.getId());
        Optional<Post> post = envelope.items().stream()
                .filter(Post.class::isInstance)
                .map(Post.class::cast)
                .findFirst();
        if (post.isPresent()) {
            // The 200 goes out once the post is stored, before the echo and the others' copies.
            try {
                postHandler.handle(post.get(), client, () -> {
                    answer(request, 200, null);
                    meters.postAccepted(start);
                });
            } catch (RuntimeException refused) {
                if (refused instanceof XccosException) {
                    meters.postMalformed(start);
                } else {
                    meters.postRefused(refused, start);
                }
                Result result = ChatErrors.toResult(
                        refused, () -> "grpchat to " + post.get().channelUri() + " from " + user);
                answer(request, result.code(), result.text());
            }
            return;
        }
        request.createResponse(200).send();
        for (Inbound item : envelope.items()) {
            Command command = (Command) item;
            for (Outbound reply : dispatcher.dispatch(command, client)) {
                delivery.send(session, reply);
            }
        }
        // The chat session's first command (the lookup dialog's cmd:requri aside): a user whose node died is put
        // back in its rooms (RoomResumption).
        if (SessionKey.RESUMED.get(session) == null
                && envelope.items().stream().noneMatch(Command.RequestUri.class::isInstance)) {
            SessionKey.RESUMED.set(session, Boolean.TRUE);
            for (Outbound reply : resumption.resume(client)) {
                delivery.send(session, reply);
            }
        }
    }
}
