package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Sign-out races the client's other dialogs: the SUBSCRIBE SIPE sends right after its un-REGISTER
 * runs on another thread and must not pass as signed in, while the 200 to the un-REGISTER is still signed.
 */
class SecurityAssociationsTest {

    private static final String CONNECTION = "tls:192.0.2.7:50123";
    private final SecurityAssociations associations = new SecurityAssociations();

    @Test
    void aClientSigningOutIsNoLongerSignedInButItsUnRegisterIsStillAnsweredSigned() {
        associations.signedIn(CONNECTION, null, "sip:alice@contoso.com", Duration.ofHours(1));
        assertThat(associations.find(CONNECTION)).isPresent();
        assertThat(associations.findForSigning(CONNECTION, "call-b", "2 SUBSCRIBE"))
                .isPresent();

        associations.signingOut(CONNECTION, "call-a", "4 REGISTER");

        assertThat(associations.find(CONNECTION))
                .as("nothing the client sends counts as signed in")
                .isEmpty();
        assertThat(associations.findForSigning(CONNECTION, "call-a", "4 REGISTER"))
                .as("the 200 to the un-REGISTER is signed")
                .isPresent();
        assertThat(associations.findForSigning(CONNECTION, "call-b", "2 SUBSCRIBE"))
                .as("an answer on another dialog is not")
                .isEmpty();
        assertThat(associations.findForSigning(CONNECTION, "call-a", "5 REGISTER"))
                .isEmpty();

        associations.signedOut(CONNECTION);
        assertThat(associations.findForSigning(CONNECTION, "call-a", "4 REGISTER"))
                .isEmpty();
        assertThat(associations.size()).isEqualTo(0);
    }

    @Test
    void aRegistrationThatRanOutSignsNothing() {
        associations.signedIn(CONNECTION, null, "sip:alice@contoso.com", Duration.ofSeconds(-31));
        assertThat(associations.find(CONNECTION)).isEmpty();
        assertThat(associations.findForSigning(CONNECTION, "call-a", "1 REGISTER"))
                .isEmpty();
        assertThat(associations.size()).as("dropped once found out of date").isEqualTo(0);
    }
}
