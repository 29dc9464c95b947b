package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.parley.chat.interfaces.sip.auth.NtlmCrypto;
import org.parley.chat.interfaces.sip.auth.SipaeNtlmAuthenticator;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.servlet.SipServletResponse;
import org.parley.sip.testkit.RawSip;
import org.parley.sip.testkit.SipaeClient;

/** The signing interceptor on a signed-in connection and on others, with the test kit's client on the other side. */
class SipaeSigningTest {

    private static final String CONNECTION = "TLS:192.0.2.7:5000#1";
    private static final String FROM = "<sip:alice@contoso.com>;tag=77;epid=1";
    private static final String TO = "<sip:ocschat@contoso.com>;tag=88";

    private final SipaeSigning signing = new SipaeSigning();
    private final SipaeClient client = new SipaeClient("alice@contoso.com", "", "secret");

    @BeforeEach
    void signIn() {
        signing.associations = new SecurityAssociations();
        signing.associations.signedIn(CONNECTION, handshake(client), "sip:alice@contoso.com", Duration.ofHours(1));
    }

    @Test
    void signsEveryResponseButA401AndEveryRequestOnTheSignedInConnection() {
        SipServletResponse ok = response(200, CONNECTION);
        signing.outgoing(ok);
        assertThat(acceptsItsOk(client, ok, FROM)).isTrue();

        SipServletResponse unauthorized = response(401, CONNECTION);
        signing.outgoing(unauthorized);
        verify(unauthorized, never()).setHeader(anyString(), anyString());

        SipServletResponse elsewhere = response(200, "TCP:192.0.2.8:5000#2");
        signing.outgoing(elsewhere);
        verify(elsewhere, never()).setHeader(anyString(), anyString());
    }

    @Test
    void checksEveryIncomingMessageButAHandshakeRegister() throws Exception {
        String signature = client.sign("c1", "2 INFO", FROM, TO, null, null, 0);
        signing.incoming(request("INFO", CONNECTION, signature));

        assertThatThrownBy(() -> signing.incoming(request("INFO", CONNECTION, null)))
                .isInstanceOf(SipMessageRejectedException.class)
                .hasMessageContaining("unsigned");
        assertThatThrownBy(() -> signing.incoming(request("INFO", CONNECTION, signature)))
                .isInstanceOf(SipMessageRejectedException.class)
                .hasMessageContaining("replayed");
        String forBob = client.sign("c1", "3 INFO", "<sip:bob@contoso.com>;tag=77", TO, null, null, 0);
        assertThatThrownBy(() -> signing.incoming(request("INFO", CONNECTION, forBob)))
                .isInstanceOf(SipMessageRejectedException.class)
                .hasMessageContaining("bad signature");

        signing.incoming(request("REGISTER", CONNECTION, null));
        signing.incoming(request("REGISTER", CONNECTION, "NTLM qop=\"auth\", gssapi-data=\"\", version=3"));
        signing.incoming(request("INFO", "TCP:192.0.2.8:5000#2", null));
    }

    /**
     * Through a trusted front end (Kamailio before a pool) one connection carries many clients and the proxy's own
     * probes: each client's messages are checked and signed with its own association, named by their opaque, and
     * an unsigned probe passes unauthenticated. Keyed by the connection, the second sign-in replaced the first and
     * the probe was refused, which took the node out of the front end's dispatcher.
     */
    @Test
    void throughAFrontEndEachClientIsCheckedAndSignedWithItsOwnAssociation() throws Exception {
        String previous = System.setProperty("parley.sip.trusted-front-ends", "198.51.100.1") == null ? null : "";
        try {
            String frontEnd = "TCP:198.51.100.1:5060#9";
            SipaeClient bob = new SipaeClient("bob@contoso.com", "", "secret");
            SecurityAssociations associations = new SecurityAssociations();
            associations.signedIn(frontEnd, true, handshake(client), "sip:alice@contoso.com", Duration.ofHours(1));
            associations.signedIn(frontEnd, true, handshake(bob), "sip:bob@contoso.com", Duration.ofHours(1));
            signing.associations = associations;
            String bobFrom = "<sip:bob@contoso.com>;tag=99;epid=2";

            SipServletRequest fromAlice =
                    request("INFO", frontEnd, client.sign("c1", "2 INFO", FROM, TO, null, null, 0));
            SipServletRequest fromBob = request("INFO", frontEnd, bob.sign("c1", "2 INFO", bobFrom, TO, null, null, 0));
            when(fromBob.getHeader("From")).thenReturn(bobFrom);
            signing.incoming(fromAlice);
            signing.incoming(fromBob);
            signing.incoming(request("OPTIONS", frontEnd, null));

            SipServletResponse toBob = response(200, frontEnd);
            when(toBob.getHeader("From")).thenReturn(bobFrom);
            when(toBob.getRequest()).thenReturn(fromBob);
            signing.outgoing(toBob);
            assertThat(acceptsItsOk(bob, toBob, bobFrom)).isTrue();

            SipServletRequest probe = request("OPTIONS", frontEnd, null);
            SipServletResponse toTheProbe = response(404, frontEnd);
            when(toTheProbe.getRequest()).thenReturn(probe);
            signing.outgoing(toTheProbe);
            verify(toTheProbe, never()).setHeader(anyString(), anyString());
        } finally {
            if (previous == null) {
                System.clearProperty("parley.sip.trusted-front-ends");
            }
        }
    }

    /** A security association made by a full NTLM handshake of {@code client} with the server side (password "secret"). */
    static org.parley.chat.interfaces.sip.auth.SipaeSecurityAssociation handshake(SipaeClient client) {
        SipaeNtlmAuthenticator authenticator = new SipaeNtlmAuthenticator(
                new SipaeNtlmAuthenticator.ServerNames("parley.contoso.com", "CONTOSO", "PARLEY", "contoso.com"),
                (user, domain) -> Optional.of(NtlmCrypto.ntHash("secret")),
                new SecureRandom(),
                System::nanoTime);
        String offer = ((SipaeNtlmAuthenticator.Challenge) authenticator.register(null)).wwwAuthenticate();
        String challenge = ((SipaeNtlmAuthenticator.Challenge) authenticator.register(client.answerOffer(offer)))
                .wwwAuthenticate();
        return ((SipaeNtlmAuthenticator.Authenticated) authenticator.register(client.answerChallenge(challenge)))
                .association();
    }

    /**
     * Whether {@code client} accepts the Authentication-Info the signing gave {@code signed}, as the 200 OK to its
     * INFO (c1, 2 INFO) sent from {@code from}.
     */
    private static boolean acceptsItsOk(SipaeClient client, SipServletResponse signed, String from) {
        ArgumentCaptor<String> info = ArgumentCaptor.forClass(String.class);
        verify(signed).setHeader(eq("Authentication-Info"), info.capture());
        return client.verify(RawSip.Msg.parse(
                "SIP/2.0 200 OK\r\nCall-ID: c1\r\nCSeq: 2 INFO\r\nFrom: " + from + "\r\nTo: " + TO
                        + "\r\nAuthentication-Info: " + info.getValue(),
                ""));
    }

    private static SipServletResponse response(int status, String connectionId) {
        SipServletResponse response = mock(SipServletResponse.class);
        when(response.getStatus()).thenReturn(status);
        SipConnection connection = connection(connectionId);
        when(response.getConnection()).thenReturn(connection);
        when(response.getCallId()).thenReturn("c1");
        when(response.getMethod()).thenReturn("INFO");
        when(response.getHeader("CSeq")).thenReturn("2 INFO");
        when(response.getHeader("From")).thenReturn(FROM);
        when(response.getHeader("To")).thenReturn(TO);
        return response;
    }

    private static SipServletRequest request(String method, String connectionId, String authorization) {
        SipServletRequest request = mock(SipServletRequest.class);
        SipConnection connection = connection(connectionId);
        when(request.getConnection()).thenReturn(connection);
        when(request.getMethod()).thenReturn(method);
        when(request.getCallId()).thenReturn("c1");
        when(request.getHeader("CSeq")).thenReturn("2 " + method);
        when(request.getHeader("From")).thenReturn(FROM);
        when(request.getHeader("To")).thenReturn(TO);
        when(request.getHeader("Authorization")).thenReturn(authorization);
        return request;
    }

    private static SipConnection connection(String id) {
        SipConnection connection = mock(SipConnection.class);
        when(connection.getId()).thenReturn(id);
        when(connection.getRemoteAddress()).thenReturn(id.substring(id.indexOf(':') + 1, id.lastIndexOf(':')));
        return connection;
    }
}
