package org.parley.chat.interfaces.sip;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.parley.chat.application.ChatConfiguration;
import org.parley.chat.application.PolicyService;
import org.parley.chat.interfaces.xccos.ChatEndpoints;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletMapping;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.servlet.SipSession;

/**
 * The front-end role a client needs when it reaches Parley without a Lync front end
 * (docs/protocol/real-client.md §2, §3): REGISTER, and the provisioning SUBSCRIBE that tells the client about
 * persistent chat. It takes every request for a user of the domain that no chat endpoint takes.
 * Registration keeps no binding: chat never calls a client, it answers in the client's own dialogs.
 */
@Dependent
@SipServletMapping(defaultServlet = true)
public class RegistrarServlet extends SipServlet {

    private static final Logger LOG = Logger.getLogger(RegistrarServlet.class.getName());
    /** What Lync front ends grant (docs/protocol/real-client.md A.1); the client re-registers before it runs out. */
    private static final int REGISTRATION_SECONDS = 7200;

    @Inject
    ClientIdentity identity;

    @Inject
    PolicyService policies;

    @Inject
    NtlmSignIn ntlm;

    @Inject
    ChatEndpoints endpoints;

    @Inject
    ChatConfiguration configuration;

    @Override
    protected void doRegister(SipServletRequest request) throws IOException {
        int expires = requestedExpires(request);
        boolean signingIn = NtlmSettings.ntlm();
        if (signingIn) {
            if (!ntlm.admit(request, expires)) {
                return;
            }
        } else if (identity.identify(request).isEmpty()) {
            LOG.info(() -> "REGISTER from " + request.getConnection().getRemoteAddress() + " for " + request.getFrom()
                    + " refused: no trusted identity");
            request.createResponse(403, "Forbidden (not authenticated)").send();
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        String contact = request.getHeader("Contact");
        if (contact != null) {
            ok.setHeader("Contact", contact + ";expires=" + expires);
        }
        // Without these three SIPE never starts group chat (docs/protocol/real-client.md §2).
        ok.setHeader("Expires", Integer.toString(expires));
        ok.addHeader("Supported", "msrtc-event-categories");
        ok.setHeader("Allow-Events", ProvisioningDocument.EVENT);
        if (signingIn && expires == 0) {
            ntlm.signingOut(request);
        }
        ok.send();
        if (signingIn && expires == 0) {
            // Only now: the 200 itself must still be signed.
            ntlm.signedOut(request);
        }
    }

    /**
     * Parley is no proxy: a session with any user of the domain but the chat endpoints is nothing it
     * can set up.
     */
    @Override
    protected void doInvite(SipServletRequest request) throws IOException {
        request.createResponse(404, "Not Found (only the chat endpoints take sessions here)")
                .send();
    }

    @Override
    protected void doSubscribe(SipServletRequest request) throws IOException {
        String event = request.getHeader("Event");
        if (event == null || !event.trim().toLowerCase().startsWith(ProvisioningDocument.EVENT)) {
            SipServletResponse bad = request.createResponse(489, "Bad Event");
            bad.setHeader("Allow-Events", ProvisioningDocument.EVENT);
            bad.send();
            endSubscription(request);
            return;
        }
        Optional<String> user = identity.identify(request);
        if (user.isEmpty()) {
            request.createResponse(403, "Forbidden (not authenticated)").send();
            endSubscription(request);
            return;
        }
        // One-shot query (Expires: 0), answered on the 200 itself, as a Lync front end does.
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Expires", "0");
        ok.setHeader("Event", ProvisioningDocument.EVENT);
        ok.setHeader("Subscription-State", "terminated;expires=0");
        ok.setHeader("ms-piggyback-cseq", Long.toString(request.getCSeq()));
        ok.addHeader("Supported", "ms-benotify, ms-piggyback-first-notify");
        ok.setContent(
                ProvisioningDocument.persistentChat(
                        policies.isEnabled(user.get()),
                        endpoints.chatEndpointUri(),
                        configuration.roomManagement().orElse(null)),
                ProvisioningDocument.CONTENT_TYPE);
        ok.send();
        endSubscription(request);
    }

    /** The answer terminated the subscription, so its dialog must not linger until expiry. */
    private static void endSubscription(SipServletRequest request) {
        SipSession session = request.getSession();
        if (session != null) {
            session.invalidate();
        }
    }

    private static int requestedExpires(SipServletRequest request) {
        String header = request.getHeader("Expires");
        if (header == null) {
            return REGISTRATION_SECONDS;
        }
        try {
            return Math.max(0, Math.min(REGISTRATION_SECONDS, Integer.parseInt(header.trim())));
        } catch (NumberFormatException e) {
            return REGISTRATION_SECONDS;
        }
    }
}
