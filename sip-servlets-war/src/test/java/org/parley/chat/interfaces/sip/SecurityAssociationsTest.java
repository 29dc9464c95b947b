package org.parley.chat.interfaces.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(associations.find(CONNECTION).isPresent());
        assertTrue(associations.findForSigning(CONNECTION, "call-b", "2 SUBSCRIBE").isPresent());

        associations.signingOut(CONNECTION, "call-a", "4 REGISTER");

        assertTrue(associations.find(CONNECTION).isEmpty(), "nothing the client sends counts as signed in");
        assertTrue(associations.findForSigning(CONNECTION, "call-a", "4 REGISTER").isPresent(),
                "the 200 to the un-REGISTER is signed");
        assertTrue(associations.findForSigning(CONNECTION, "call-b", "2 SUBSCRIBE").isEmpty(),
                "an answer on another dialog is not");
        assertTrue(associations.findForSigning(CONNECTION, "call-a", "5 REGISTER").isEmpty());

        associations.signedOut(CONNECTION);
        assertTrue(associations.findForSigning(CONNECTION, "call-a", "4 REGISTER").isEmpty());
        assertEquals(0, associations.size());
    }

    @Test
    void aRegistrationThatRanOutSignsNothing() {
        associations.signedIn(CONNECTION, null, "sip:alice@contoso.com", Duration.ofSeconds(-31));
        assertTrue(associations.find(CONNECTION).isEmpty());
        assertTrue(associations.findForSigning(CONNECTION, "call-a", "1 REGISTER").isEmpty());
        assertEquals(0, associations.size(), "dropped once found out of date");
    }
}
