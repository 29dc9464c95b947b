package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.servlet.Address;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.URI;

class ConfiguredIdentityTest {

    private static final String FRONT_END = "10.0.0.1";

    // --- trust-from (tests and development) ---

    /** From's URI, without URI parameters and in lower case: the form presence and the store key users by. */
    @Test
    void trustFromUsesFromNormalised() {
        ConfiguredIdentity identity = new ConfiguredIdentity("trust-from", "");
        SipServletRequest request = request("192.0.2.7", "sip:Alice@Contoso.COM;transport=tcp", null);

        assertThat(identity.identify(request)).contains("sip:alice@contoso.com");
    }

    /** In trust-from mode nothing but From counts: an asserted identity is not believed either. */
    @Test
    void trustFromIgnoresPAssertedIdentity() {
        ConfiguredIdentity identity = new ConfiguredIdentity("trust-from", "");
        SipServletRequest request = request("192.0.2.7", "sip:alice@contoso.com", "<sip:admin@contoso.com>");

        assertThat(identity.identify(request)).contains("sip:alice@contoso.com");
    }

    /** The mode is read leniently (an operator's typing), but only the three names exist. */
    @Test
    void modeIsTrimmedAndCaseInsensitive() {
        ConfiguredIdentity identity = new ConfiguredIdentity("  Trust-From ", "");

        assertThat(identity.identify(request("192.0.2.7", "sip:bob@contoso.com", null)))
                .contains("sip:bob@contoso.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "open", "trust_from", "frontend", "none"})
    void anInvalidModeFailsFast(String mode) {
        assertThatThrownBy(() -> new ConfiguredIdentity(mode, FRONT_END))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parley.sip.identity");
    }

    // --- ntlm: the user who signed in on the request's connection ---

    @Test
    void ntlmAttributesARequestToTheUserSignedInOnItsConnection() {
        ConfiguredIdentity identity = new ConfiguredIdentity("ntlm", "");
        identity.associations = new SecurityAssociations();
        identity.associations.signedIn(
                "TCP:192.0.2.7:5000#1", null, "sip:alice@contoso.com", java.time.Duration.ofHours(1));

        assertThat(identity.identify(request("192.0.2.7", "sip:Alice@contoso.com", null, "TCP:192.0.2.7:5000#1")))
                .contains("sip:alice@contoso.com");
        assertThat(identity.identify(request("192.0.2.7", "sip:bob@contoso.com", null, "TCP:192.0.2.7:5000#1")))
                .as("From must be the signed-in user")
                .isEmpty();
        assertThat(identity.identify(request("192.0.2.7", "sip:alice@contoso.com", null, "TCP:192.0.2.7:5001#2")))
                .as("another connection has no association")
                .isEmpty();
    }

    @Test
    void ntlmForgetsTheUserWhenTheConnectionCloses() {
        ConfiguredIdentity identity = new ConfiguredIdentity("ntlm", "");
        identity.associations = new SecurityAssociations();
        identity.associations.signedIn(
                "TLS:192.0.2.7:5000#1", null, "sip:alice@contoso.com", java.time.Duration.ofHours(1));
        SipServletRequest request = request("192.0.2.7", "sip:alice@contoso.com", null, "TLS:192.0.2.7:5000#1");

        identity.associations.connectionClosed(request.getConnection());

        assertThat(identity.identify(request)).isEmpty();
    }

    @Test
    void ntlmForgetsTheUserWhenTheRegistrationRunsOut() {
        ConfiguredIdentity identity = new ConfiguredIdentity("ntlm", "");
        identity.associations = new SecurityAssociations();
        identity.associations.signedIn(
                "TLS:192.0.2.7:5000#1",
                null,
                "sip:alice@contoso.com",
                java.time.Duration.ZERO.minus(SecurityAssociations.GRACE));

        assertThat(identity.identify(request("192.0.2.7", "sip:alice@contoso.com", null, "TLS:192.0.2.7:5000#1")))
                .isEmpty();
        assertThat(identity.associations.size()).isZero();
    }

    // --- front-end (the default) ---

    @Test
    void frontEndRefusesAnUntrustedAddressWhateverItClaims() {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", FRONT_END + ",10.0.0.2");
        SipServletRequest request = request("192.0.2.66", "sip:alice@contoso.com", "\"Alice\" <sip:alice@contoso.com>");

        assertThat(identity.identify(request)).isEmpty();
    }

    /** With no trusted front end configured nobody gets in (until client authentication exists). */
    @Test
    void frontEndWithoutTrustedAddressesRefusesEveryone() {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", " , ");

        assertThat(identity.identify(request(FRONT_END, "sip:alice@contoso.com", null)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"Alice Example\" <sip:Alice@Contoso.com>",
                "<sip:alice@contoso.com;user=phone>",
                "sip:ALICE@contoso.com",
                "sip:alice@contoso.com;user=phone",
                "  \"Alice\"<sip:alice@contoso.com>;tag=x  "
            })
    void frontEndTakesThePAssertedIdentityOfATrustedAddress(String asserted) {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", FRONT_END);
        // From deliberately names someone else: the front end's assertion wins.
        SipServletRequest request = request(FRONT_END, "sip:mallory@contoso.com", asserted);

        assertThat(identity.identify(request)).contains("sip:alice@contoso.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void frontEndFallsBackToFromWhenTheAssertionIsBlank(String asserted) {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", FRONT_END);

        assertThat(identity.identify(request(FRONT_END, "sip:Bob@Contoso.com;maddr=10.1.1.1", asserted)))
                .contains("sip:bob@contoso.com");
    }

    @Test
    void frontEndFallsBackToFromWithoutAnAssertion() {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", FRONT_END);

        assertThat(identity.identify(request(FRONT_END, "sip:bob@contoso.com", null)))
                .contains("sip:bob@contoso.com");
    }

    /** The list is comma separated with optional blanks; every listed address is trusted. */
    @Test
    void everyListedFrontEndIsTrusted() {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", " 10.0.0.1 , 10.0.0.2 ,");

        assertThat(identity.identify(request("10.0.0.2", "sip:bob@contoso.com", null)))
                .contains("sip:bob@contoso.com");
        assertThat(identity.identify(request("10.0.0.3", "sip:bob@contoso.com", null)))
                .isEmpty();
    }

    /**
     * RFC 3325 allows one sip: and one tel: value; the class documents "the first SIP URI counts", so a
     * tel: URI listed first must not become the user.
     */
    @Test
    void frontEndSkipsATelUriListedBeforeTheSipUri() {
        ConfiguredIdentity identity = new ConfiguredIdentity("front-end", FRONT_END);
        SipServletRequest request =
                request(FRONT_END, "sip:bob@contoso.com", "<tel:+14255550100>, \"Alice\" <sip:alice@contoso.com>");

        assertThat(identity.identify(request)).contains("sip:alice@contoso.com");
    }

    private static SipServletRequest request(String remoteAddress, String fromUri, String assertedIdentity) {
        return request(remoteAddress, fromUri, assertedIdentity, "TCP:" + remoteAddress + ":5060#1");
    }

    private static SipServletRequest request(
            String remoteAddress, String fromUri, String assertedIdentity, String connectionId) {
        SipConnection connection = mock(SipConnection.class);
        when(connection.getId()).thenReturn(connectionId);
        when(connection.getRemoteAddress()).thenReturn(remoteAddress);
        SipServletRequest request = mock(SipServletRequest.class);
        when(request.getConnection()).thenReturn(connection);
        when(request.getFrom()).thenReturn(new FakeAddress(new FakeUri(fromUri)));
        when(request.getHeader("P-Asserted-Identity")).thenReturn(assertedIdentity);
        return request;
    }

    /** A From address as the container parses it: the URI with its parameters, and a tag outside it. */
    private record FakeAddress(URI uri) implements Address {
        @Override
        public String getDisplayName() {
            return null;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        public String getParameter(String name) {
            return "tag".equals(name) ? "524839416" : null;
        }

        @Override
        public String toString() {
            return "<" + uri + ">;tag=524839416";
        }
    }

    private record FakeUri(String text) implements URI {
        @Override
        public String getScheme() {
            return text.substring(0, text.indexOf(':'));
        }

        @Override
        public boolean isSipURI() {
            return getScheme().equalsIgnoreCase("sip") || getScheme().equalsIgnoreCase("sips");
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
