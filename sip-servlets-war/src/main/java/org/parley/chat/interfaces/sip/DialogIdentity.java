package org.parley.chat.interfaces.sip;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.sip.connector.SipSetting;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletMessage;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipSession;

/**
 * The identity rule for every message Parley receives, requests and responses, in a dialog or not
 * (the servlets attribute dialog-creating requests; this keeps everything after them honest):
 * <ul>
 * <li>{@code front-end}: from a trusted front end's address, and inside a dialog over the flow the
 * dialog started on;</li>
 * <li>{@code ntlm}: inside a dialog over the flow it started on, while that connection is signed in
 * ({@link SipaeSigning} checks each signature);</li>
 * <li>{@code trust-from}: anything (tests and development only).</li>
 * </ul>
 * A refused request gets 403 and runs nothing; a refused response is dropped (the SIP layer logs each once).
 */
@ApplicationScoped
public class DialogIdentity implements SipMessageInterceptor {

    @Inject
    SecurityAssociations associations;

    @Override
    public void incoming(SipServletMessage message) throws SipMessageRejectedException {
        String mode = NtlmSettings.mode();
        if ("trust-from".equals(mode)) {
            return;
        }
        SipSession dialog = message.getSession();
        if ("front-end".equals(mode)) {
            if (!trustedFrontEnds().contains(message.getRemoteAddr())) {
                throw new SipMessageRejectedException(403, "not a trusted front end: " + message.getRemoteAddr());
            }
            sameFlow(message, dialog);
        } else if ("ntlm".equals(mode)) {
            sameFlow(message, dialog);
            if (dialog != null
                    && dialog.getConnection() != null
                    && associations.ofDialog(dialog).isEmpty()) {
                throw new SipMessageRejectedException(403, "dialog's client no longer signed in");
            }
        } else {
            throw new SipMessageRejectedException(403, "unknown identity mode " + mode);
        }
    }

    /** A request must come over the dialog's own connection; a response from its peer's address and port. */
    private static void sameFlow(SipServletMessage message, SipSession dialog) throws SipMessageRejectedException {
        SipConnection flow = dialog == null ? null : dialog.getConnection();
        if (flow == null) {
            return;
        }
        boolean same = message instanceof SipServletRequest
                ? flow.getId().equals(message.getConnection().getId())
                : flow.getRemoteAddress().equals(message.getRemoteAddr())
                        && flow.getRemotePort() == message.getRemotePort();
        if (!same) {
            throw new SipMessageRejectedException(
                    403, "not over the flow dialog " + dialog.getId() + " started on (" + flow.getId() + ")");
        }
    }

    static boolean isTrustedFrontEnd(String address) {
        return trustedFrontEnds().contains(address);
    }

    /** Read on every message, so that a management operation changes it on a running server. */
    static Set<String> trustedFrontEnds() {
        return addresses(SipSetting.TRUSTED_FRONT_ENDS.value());
    }

    /** The addresses of a comma-separated list, blanks ignored. */
    static Set<String> addresses(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
