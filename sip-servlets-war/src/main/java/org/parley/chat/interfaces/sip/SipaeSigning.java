package org.parley.chat.interfaces.sip;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.interfaces.sip.auth.NtlmException;
import org.parley.chat.interfaces.sip.auth.SipaeHeader;
import org.parley.chat.interfaces.sip.auth.SipaeNtlmAuthenticator;
import org.parley.chat.interfaces.sip.auth.SipaeSignedFields;
import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletMessage;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;

/**
 * MS-SIPAE message signing for every client with a security association [MS-SIPAE 3.2.5.5,
 * docs/protocol/real-client.md §4.2]: each message the client sends must carry a right signature (only the
 * REGISTERs of a new handshake pass unsigned, to the registrar), and each one Parley sends it
 * gets {@code Authentication-Info}, 401s excepted. Which association a message belongs to is
 * {@link SecurityAssociations}' to say (a client's own connection, or the opaque it names through a front end). SIPE drops unsigned messages and drops the
 * connection on a wrong signature, so this runs in the SIP layer, where every request and response
 * (the layer's own 481, 503 ... too) passes after its last header is set.
 */
@ApplicationScoped
public class SipaeSigning implements SipMessageInterceptor {

    private static final Logger LOG = Logger.getLogger(SipaeSigning.class.getName());

    @Inject
    SecurityAssociations associations;

    @Override
    public void incoming(SipServletMessage message) throws SipMessageRejectedException {
        Optional<SecurityAssociations.SignedIn> signedIn = signedIn(message);
        if (signedIn.isEmpty()) {
            return;
        }
        String authorization = message.getHeader("Authorization");
        if (message instanceof SipServletRequest
                && "REGISTER".equals(message.getMethod())
                && SipaeNtlmAuthenticator.isHandshake(authorization)) {
            return;
        }
        if (authorization == null) {
            throw new SipMessageRejectedException(
                    403,
                    "unsigned message on a signed-in connection ("
                            + signedIn.get().sipUri() + ")");
        }
        try {
            signedIn.get().association().verify(SipaeHeader.parse(authorization), fields(message));
        } catch (NtlmException e) {
            throw new SipMessageRejectedException(
                    403, "signature refused (" + signedIn.get().sipUri() + "): " + e.getMessage());
        }
    }

    @Override
    public void outgoing(SipServletMessage message) {
        if (message instanceof SipServletResponse response && response.getStatus() == 401) {
            return;
        }
        Optional<SecurityAssociations.SignedIn> signedIn = associations
                .keyOfOutgoing(message)
                .flatMap(key -> associations.findForSigning(key, message.getCallId(), message.getHeader("CSeq")));
        if (signedIn.isEmpty()) {
            return;
        }
        try {
            message.setHeader(
                    "Authentication-Info", signedIn.get().association().authenticationInfo(fields(message)));
        } catch (NtlmException e) {
            // The layer always sets Call-ID and CSeq; a message without them cannot be signed, and SIPE drops it.
            LOG.warning(() -> "cannot sign " + message.getMethod() + " to "
                    + signedIn.get().sipUri() + ": " + e.getMessage());
        }
    }

    private Optional<SecurityAssociations.SignedIn> signedIn(SipServletMessage message) {
        return associations.ofIncoming(message);
    }

    private static SipaeSignedFields fields(SipServletMessage message) {
        int status = message instanceof SipServletResponse response ? response.getStatus() : 0;
        return SipaeSignedFields.of(
                message.getCallId(),
                message.getHeader("CSeq"),
                message.getHeader("From"),
                message.getHeader("To"),
                message.getHeader("P-Asserted-Identity"),
                message.getHeader("Expires"),
                status);
    }
}
