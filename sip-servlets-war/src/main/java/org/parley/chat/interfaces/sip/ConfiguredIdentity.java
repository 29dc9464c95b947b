package org.parley.chat.interfaces.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.directory.Directory;
import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.SipServletRequest;

/**
 * Identity by configuration ({@code parley.sip.identity}):
 * <ul>
 * <li>{@code front-end} (the default): only requests from the addresses in
 * {@code parley.sip.trusted-front-ends} (a Lync front end, a Kamailio in a pool) are accepted, and
 * attributed to their P-Asserted-Identity, or to From where the front end adds none. With no
 * trusted address configured, nobody gets in until client authentication is configured.</li>
 * <li>{@code ntlm}: the client signed in with NTLM on this connection ({@link NtlmSignIn}); a request is
 * attributed to that user, and refused when its From names anyone else.</li>
 * <li>{@code trust-from}: every request is attributed to its From. For tests and development only;
 * it exists only when configured explicitly.</li>
 * </ul>
 * The mode is read on every request, so that a management operation switches a running server (the
 * NTLM integration tests do); the trusted addresses are read once.
 *
 * <p>With an enterprise directory in use ({@code parley.directory=ldap}), a user of the {@code front-end} and
 * {@code ntlm} modes must also be in the directory and enabled there, or every request is refused (the answer is
 * the directory's as this node last heard it, {@link Directory}).
 */
@ApplicationScoped
public class ConfiguredIdentity implements ClientIdentity {

    private static final Logger LOG = Logger.getLogger(ConfiguredIdentity.class.getName());

    private static final Set<String> MODES = Set.of("front-end", "trust-from", "ntlm");

    private final Supplier<String> mode;
    private final Set<String> trustedFrontEnds;
    private volatile String lastBadMode;

    @Inject
    SecurityAssociations associations;

    @Inject
    Directory directory;

    public ConfiguredIdentity() {
        // Empty here: the trusted addresses are then read live, like the mode.
        this(NtlmSettings::mode, "");
    }

    ConfiguredIdentity(String mode, String trustedFrontEnds) {
        this(() -> mode.trim().toLowerCase(Locale.ROOT), trustedFrontEnds);
    }

    private ConfiguredIdentity(Supplier<String> mode, String trustedFrontEnds) {
        String initial = mode.get();
        if (!MODES.contains(initial)) {
            throw new IllegalStateException(
                    "parley.sip.identity must be front-end, ntlm or trust-from, not " + initial);
        }
        this.mode = mode;
        this.trustedFrontEnds = DialogIdentity.addresses(trustedFrontEnds);
        if (initial.equals("trust-from")) {
            LOG.warning("parley.sip.identity=trust-from: every SIP request is attributed to its From header. "
                    + "Never use this outside tests and development.");
        }
    }

    @Override
    public Optional<String> identify(SipServletRequest request) {
        String current = mode.get();
        switch (current) {
            case "trust-from":
                return Optional.of(uriOf(request.getFrom()));
            case "ntlm":
                return inDirectory(signedIn(request), request);
            case "front-end":
                return inDirectory(frontEnd(request), request);
            default:
                if (!current.equals(lastBadMode)) {
                    lastBadMode = current;
                    LOG.severe(() -> "parley.sip.identity is now '" + current + "': every request is refused");
                }
                return Optional.empty();
        }
    }

    private Optional<String> inDirectory(Optional<String> user, SipServletRequest request) {
        if (user.isEmpty() || directory == null || directory.admitsSignIn(user.get())) {
            return user;
        }
        LOG.info(() -> request.getMethod() + " from " + user.get() + " refused: not an enabled user of the directory");
        return Optional.empty();
    }

    /** The user whose association the request is signed for, if the request speaks as that user. */
    private Optional<String> signedIn(SipServletRequest request) {
        Optional<SecurityAssociations.SignedIn> signedIn = associations.ofIncoming(request);
        if (signedIn.isEmpty()) {
            return Optional.empty();
        }
        String from = uriOf(request.getFrom());
        if (!from.equals(signedIn.get().sipUri())) {
            LOG.info(() ->
                    request.getMethod() + " from " + request.getConnection().getId() + " speaks as " + from
                            + " but signed in as " + signedIn.get().sipUri() + ": refused");
            return Optional.empty();
        }
        return Optional.of(signedIn.get().sipUri());
    }

    private Optional<String> frontEnd(SipServletRequest request) {
        Set<String> trusted = trustedFrontEnds.isEmpty() ? DialogIdentity.trustedFrontEnds() : trustedFrontEnds;
        if (!trusted.contains(request.getConnection().getRemoteAddress())) {
            return Optional.empty();
        }
        String asserted = request.getHeader("P-Asserted-Identity");
        if (asserted != null && !asserted.isBlank()) {
            try {
                return Optional.of(uriOfHeader(asserted));
            } catch (IllegalArgumentException noSipIdentity) {
                return Optional.empty();
            }
        }
        return Optional.of(uriOf(request.getFrom()));
    }

    private static String uriOf(Address address) {
        return normalise(address.getURI().toString());
    }

    /**
     * P-Asserted-Identity holds one or two identities ("Name" <sip:user@domain>, a bare URI, and
     * possibly a tel: URI, RFC 3325): the first sip or sips one counts. Commas inside quotes or angle
     * brackets do not separate values.
     */
    static String uriOfHeader(String value) {
        for (String identity : values(value)) {
            int open = identity.indexOf('<');
            int close = identity.indexOf('>', open + 1);
            String uri = (open >= 0 && close > open ? identity.substring(open + 1, close) : identity).trim();
            String lower = uri.toLowerCase(Locale.ROOT);
            if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
                return normalise(uri);
            }
        }
        throw new IllegalArgumentException("no SIP URI in P-Asserted-Identity: " + value);
    }

    private static List<String> values(String header) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean bracketed = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                bracketed = true;
            } else if (!quoted && c == '>') {
                bracketed = false;
            } else if (c == ',' && !quoted && !bracketed) {
                values.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        values.add(current.toString().trim());
        return values;
    }

    private static String normalise(String uri) {
        int parameters = uri.indexOf(';');
        return (parameters < 0 ? uri : uri.substring(0, parameters)).toLowerCase(Locale.ROOT);
    }
}
