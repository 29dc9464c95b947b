package org.parley.chat.interfaces.sip;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.directory.Directory;
import org.parley.chat.infrastructure.metrics.ParleyMeters;
import org.parley.chat.interfaces.sip.auth.NtHashFile;
import org.parley.chat.interfaces.sip.auth.NtlmException;
import org.parley.chat.interfaces.sip.auth.NtlmUserNames;
import org.parley.chat.interfaces.sip.auth.SignInThrottle;
import org.parley.chat.interfaces.sip.auth.SipaeNtlmAuthenticator;
import org.parley.chat.interfaces.sip.auth.SipaeNtlmAuthenticator.Authenticated;
import org.parley.chat.interfaces.sip.auth.SipaeNtlmAuthenticator.Challenge;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;

/**
 * NTLM sign-in over REGISTER (identity mode {@code ntlm}; docs/ntlm-sign-in.md): the MS-SIPAE
 * handshake on the client's connection, the security association it leaves, the brute-force
 * throttle. Every refusal is logged once, with the source address and never a secret.
 */
@ApplicationScoped
public class NtlmSignIn {

    private static final Logger LOG = Logger.getLogger(NtlmSignIn.class.getName());

    @Inject
    SecurityAssociations associations;

    @Inject
    ParleyMeters meters;

    @Inject
    Directory directory;

    private SipaeNtlmAuthenticator authenticator;
    private final SignInThrottle throttle = new SignInThrottle(System::nanoTime);

    @PostConstruct
    void init() {
        String sipDomain = NtlmSettings.sipDomain();
        String netbiosDomain = NtlmSettings.netbiosDomain();
        NtHashFile hashes = new NtHashFile(
                NtlmSettings::hashFile,
                (user, domain) -> NtlmUserNames.directoryName(
                        user, domain, NtlmSettings.sipDomain(), NtlmSettings.netbiosDomain()));
        authenticator = new SipaeNtlmAuthenticator(
                new SipaeNtlmAuthenticator.ServerNames(NtlmSettings.targetName(), netbiosDomain, "PARLEY", sipDomain),
                hashes,
                new SecureRandom(),
                System::nanoTime);
    }

    /**
     * Takes a REGISTER in ntlm mode: a handshake step gets its 401 (or its refusal) here; a REGISTER
     * that completes the handshake, or comes signed on a signed-in connection (the interceptor checked
     * the signature), renews the association.
     *
     * @return true when the REGISTER is authenticated and the registrar should answer 200
     */
    boolean admit(SipServletRequest request, int expires) throws IOException {
        SipConnection connection = request.getConnection();
        String address = connection.getRemoteAddress();
        if (NtlmSettings.requireTls() && !connection.isSecure()) {
            meters.ntlmSignIn("refused", "tls_required");
            refuse(
                    request,
                    403,
                    "Forbidden (NTLM sign-in needs TLS)",
                    "REGISTER over " + connection.getTransport() + " from " + address
                            + " refused: parley.sip.ntlm.require-tls is on");
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (!SipaeNtlmAuthenticator.isHandshake(authorization)) {
            Optional<SecurityAssociations.SignedIn> signedIn = associations.ofIncoming(request);
            if (signedIn.isEmpty()) {
                // Signed for an association this node does not have (another connection's, lost, or of a node
                // that died before the front end brought the client here): sign in again.
                send401(request, authenticator.register(null));
                return false;
            }
            if (!sameUser(request, signedIn.get().sipUri())) {
                return false;
            }
            associations.renew(signedIn.get().key(), Duration.ofSeconds(expires));
            return true;
        }
        return handshake(request, authorization, connection, expires);
    }

    /**
     * Before the 200 to an un-REGISTER: requests of the client's other dialogs may already be on
     * their way in parallel, and none of them may pass as signed in once the client has left.
     */
    void signingOut(SipServletRequest request) {
        associations
                .keyOfIncoming(request)
                .ifPresent(key -> associations.signingOut(key, request.getCallId(), request.getHeader("CSeq")));
    }

    /** After the 200 to an un-REGISTER: the client is gone. */
    void signedOut(SipServletRequest request) {
        associations.keyOfIncoming(request).ifPresent(associations::signedOut);
    }

    private boolean handshake(SipServletRequest request, String authorization, SipConnection connection, int expires)
            throws IOException {
        String address = connection.getRemoteAddress();
        SignInThrottle.Limits limits = NtlmSettings.limits();
        Optional<String[]> login;
        try {
            login = SipaeNtlmAuthenticator.inspect(authorization);
        } catch (NtlmException malformed) {
            meters.ntlmSignIn("failure", "malformed");
            failed(null, address, limits, "malformed NTLM REGISTER from " + address + ": " + malformed.getMessage());
            request.createResponse(400, "Bad Request (malformed NTLM authorization)")
                    .send();
            return false;
        }
        String user = login.map(l -> (l[1].isEmpty() ? "" : l[1] + "\\") + l[0])
                .map(u -> u.toLowerCase(Locale.ROOT))
                .orElse(null);
        Optional<SignInThrottle.Lock> lock = throttle.locked(user, address);
        if (lock.isPresent()) {
            meters.ntlmSignIn("refused", "locked_out");
            refuse(
                    request,
                    403,
                    "Forbidden (too many failed sign-ins, try again later)",
                    "NTLM REGISTER"
                            + (user == null ? "" : " for " + user) + " from " + address + " refused unchecked: "
                            + lock.get().what()
                            + " is locked out for "
                            + Duration.ofNanos(lock.get().untilNanos() - System.nanoTime())
                                    .toSeconds() + " s");
            return false;
        }
        SipaeNtlmAuthenticator.Outcome outcome;
        try {
            outcome = authenticator.register(authorization);
        } catch (NtlmException e) {
            if (user == null) {
                LOG.warning(() -> "NTLM REGISTER from " + address + " not answered: " + e.getMessage());
                SipServletResponse busy = request.createResponse(503, "Service Unavailable (sign-in busy)");
                busy.setHeader("Retry-After", "5");
                busy.send();
                meters.signInBusy();
                return false;
            }
            meters.ntlmSignIn("failure", "bad_credentials");
            failed(
                    user,
                    address,
                    limits,
                    "NTLM sign-in of " + user + " from " + address + " failed: " + e.getMessage());
            request.createResponse(403, "Forbidden (authentication failed)").send();
            return false;
        }
        if (outcome instanceof Challenge challenge) {
            send401(request, challenge);
            return false;
        }
        Authenticated authenticated = (Authenticated) outcome;
        String sipDomain = NtlmSettings.sipDomain();
        String sipUri = NtlmUserNames.sipUri(
                NtlmUserNames.directoryName(login.get()[0], login.get()[1], sipDomain, NtlmSettings.netbiosDomain())
                        .orElseThrow(),
                sipDomain);
        if (!fromOf(request).equals(sipUri)) {
            meters.ntlmSignIn("failure", "wrong_user");
            failed(
                    user,
                    address,
                    limits,
                    "NTLM sign-in of " + user + " from " + address + " refused: it registers " + fromOf(request));
            request.createResponse(403, "Forbidden (From is not the signed-in user)")
                    .send();
            return false;
        }
        if (directory != null && !directory.admitsSignIn(sipUri)) {
            // The password was right: this is no failure to count against the user, only a refusal.
            meters.ntlmSignIn("refused", "not_in_directory");
            LOG.info(() -> "NTLM sign-in of " + sipUri + " from " + address + " refused: not an enabled user of the"
                    + " directory");
            request.createResponse(403, "Forbidden (not an enabled user of the directory)")
                    .send();
            return false;
        }
        throttle.succeeded(user);
        meters.ntlmSignIn("success", "none");
        boolean viaFrontEnd = DialogIdentity.isTrustedFrontEnd(address);
        associations.signedIn(
                connection.getId(), viaFrontEnd, authenticated.association(), sipUri, Duration.ofSeconds(expires));
        LOG.info(
                () -> sipUri + " signed in with NTLM on " + connection.getId() + (viaFrontEnd ? " (a front end)" : ""));
        return true;
    }

    /** Users and addresses locked out now after too many failed sign-ins (for the metrics). */
    SignInThrottle.LockedOut lockedOut() {
        return throttle.lockedOut();
    }

    /** The REGISTER's From must be the user who signed in: nobody registers for someone else. */
    private boolean sameUser(SipServletRequest request, String sipUri) throws IOException {
        String from = fromOf(request);
        if (from.equals(sipUri)) {
            return true;
        }
        LOG.info(() -> "REGISTER for " + from + " from "
                + request.getConnection().getId() + " refused: signed in as " + sipUri);
        request.createResponse(403, "Forbidden (From is not the signed-in user)")
                .send();
        return false;
    }

    private static String fromOf(SipServletRequest request) {
        try {
            return ConfiguredIdentity.uriOfHeader(request.getHeader("From"));
        } catch (IllegalArgumentException noSipUri) {
            return "";
        }
    }

    private void failed(String user, String address, SignInThrottle.Limits limits, String message) {
        Optional<SignInThrottle.Lock> started = throttle.failed(user, address, limits);
        LOG.warning(() -> message
                + started.map(l -> "; " + l.what() + " now locked out for "
                                + limits.lockout().toSeconds() + " s")
                        .orElse(""));
    }

    private static void refuse(SipServletRequest request, int status, String reason, String log) throws IOException {
        LOG.warning(log);
        request.createResponse(status, reason).send();
    }

    private static void send401(SipServletRequest request, SipaeNtlmAuthenticator.Outcome challenge)
            throws IOException {
        SipServletResponse unauthorized = request.createResponse(401, "Unauthorized");
        unauthorized.setHeader("WWW-Authenticate", ((Challenge) challenge).wwwAuthenticate());
        unauthorized.send();
    }
}
