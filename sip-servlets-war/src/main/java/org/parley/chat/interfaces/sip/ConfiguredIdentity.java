package org.parley.chat.interfaces.sip;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.SipServletRequest;

/**
 * Identity by configuration ({@code parley.sip.identity}):
 * <ul>
 * <li>{@code front-end} (the default): only requests from the addresses in
 * {@code parley.sip.trusted-front-ends} (a Lync front end, a Kamailio in a pool) are accepted, and
 * attributed to their P-Asserted-Identity, or to From where the front end adds none. With no
 * trusted address configured, nobody gets in until client authentication is configured.</li>
 * <li>{@code trust-from}: every request is attributed to its From. For tests and development only;
 * it exists only when configured explicitly.</li>
 * </ul>
 */
@ApplicationScoped
public class ConfiguredIdentity implements ClientIdentity {

    private static final Logger LOG = Logger.getLogger(ConfiguredIdentity.class.getName());

    private final boolean trustFrom;
    private final Set<String> trustedFrontEnds;

    public ConfiguredIdentity() {
        this(System.getProperty("parley.sip.identity", "front-end"),
                System.getProperty("parley.sip.trusted-front-ends", ""));
    }

    ConfiguredIdentity(String mode, String trustedFrontEnds) {
        String normalised = mode.trim().toLowerCase(Locale.ROOT);
        if (!normalised.equals("front-end") && !normalised.equals("trust-from")) {
            throw new IllegalStateException("parley.sip.identity must be front-end or trust-from, not " + mode);
        }
        this.trustFrom = normalised.equals("trust-from");
        this.trustedFrontEnds = Arrays.stream(trustedFrontEnds.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (trustFrom) {
            LOG.warning("parley.sip.identity=trust-from: every SIP request is attributed to its From header. "
                    + "Never use this outside tests and development.");
        }
    }

    @Override
    public Optional<String> identify(SipServletRequest request) {
        if (trustFrom) {
            return Optional.of(uriOf(request.getFrom()));
        }
        if (!trustedFrontEnds.contains(request.getConnection().getRemoteAddress())) {
            return Optional.empty();
        }
        String asserted = request.getHeader("P-Asserted-Identity");
        if (asserted != null && !asserted.isBlank()) {
            return Optional.of(uriOfHeader(asserted));
        }
        return Optional.of(uriOf(request.getFrom()));
    }

    private static String uriOf(Address address) {
        return normalise(address.getURI().toString());
    }

    /** P-Asserted-Identity: "Name" <sip:user@domain>, or a bare URI; the first SIP URI counts. */
    static String uriOfHeader(String value) {
        int open = value.indexOf('<');
        int close = value.indexOf('>', open + 1);
        String uri = open >= 0 && close > open ? value.substring(open + 1, close) : value.split("[,;]")[0];
        return normalise(uri.trim());
    }

    private static String normalise(String uri) {
        int parameters = uri.indexOf(';');
        return (parameters < 0 ? uri : uri.substring(0, parameters)).toLowerCase(Locale.ROOT);
    }
}
