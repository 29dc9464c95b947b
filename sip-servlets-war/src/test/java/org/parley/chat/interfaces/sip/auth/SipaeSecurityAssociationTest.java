package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

/** The signed messages of docs/protocol/real-client.md appendix C, reproduced and verified byte for byte. */
class SipaeSecurityAssociationTest {

    private static final String REALM = "SIP Communications Service";
    private static final String TARGET = "parley.contoso.com";
    private static final String ALICE = "<sip:alice@contoso.com>";
    private static final String CHAT = "<sip:GC-1-PersistentChatService-1@contoso.com>";
    private static final String INFO_CALL = "CA1Fg83F5aC1D8iC190mAB5Et88F3b5B3Cx9D52x";
    /** The two ends of the chat dialog of Appendix C.2, with their tags. */
    private static final String ALICE_IN_DIALOG = ALICE + ";tag=385439499;epid=c97532c1946f";

    private static final String CHAT_IN_DIALOG = CHAT + ";tag=9b25c898";

    private final SipaeSecurityAssociation association = new SipaeSecurityAssociation(
            "alice@contoso.com", NtlmSessionTest.appendixSession(), "E3CDBAB4", REALM, TARGET, new SecureRandom());

    @Test
    void signedStringOfSection42() {
        SipaeSignedFields fields = SipaeSignedFields.of(
                "42B8g8E27aC3B9i42C6m3E91t9990bA03Cx6C7Ex",
                "3 REGISTER",
                ALICE + ";tag=2032555664;epid=c97532c1946f",
                ALICE + ";tag=72a4dec1",
                null,
                "7200",
                200);

        assertThat(fields.signedString("NTLM", "2BA6ECDD", "101", REALM, TARGET))
                .isEqualTo("<NTLM><2BA6ECDD><101><SIP Communications Service><parley.contoso.com>"
                        + "<42B8g8E27aC3B9i42C6m3E91t9990bA03Cx6C7Ex><3><REGISTER><sip:alice@contoso.com><2032555664>"
                        + "<sip:alice@contoso.com><72a4dec1><><><7200><200>");
    }

    @Test
    void assertedIdentityUrisAreSignedBySchema() {
        SipaeSignedFields fields = SipaeSignedFields.of(
                "c",
                "1 INFO",
                "sip:a@b;tag=1",
                "\"B, C\" <sip:b@b>",
                "\"Alice\" <sip:alice@contoso.com>, <tel:+15551234>",
                null,
                0);

        assertThat(fields.signedString("NTLM", "r", "1", "x", "y"))
                .isEqualTo(
                        "<NTLM><r><1><x><y><c><1><INFO><sip:a@b><1><sip:b@b><><sip:alice@contoso.com><tel:+15551234><>");
    }

    @Test
    void signsTheRegisterOkOfAppendixC1() {
        SipaeSignedFields fields = SipaeSignedFields.of(
                "9944g7C75aF46Ei4BA5m0589tE015bE7F6x7CE0x",
                "3 REGISTER",
                ALICE + ";tag=22263993;epid=c97532c1946f",
                ALICE + ";tag=aefd0b6f",
                null,
                "7200",
                200);

        assertThat(association.authenticationInfo(fields, "7DCDE933", 101))
                .isEqualTo("NTLM rspauth=\"01000000429A6351020948F164000000\", srand=\"7DCDE933\", snum=\"101\", "
                        + "opaque=\"E3CDBAB4\", qop=\"auth\", targetname=\"parley.contoso.com\", "
                        + "realm=\"SIP Communications Service\"");
    }

    @Test
    void signsTheProvisioningOkOfAppendixC1() {
        SipaeSignedFields fields = SipaeSignedFields.of(
                "BBCEgCD7AaB7C0iB1E6mC4C8tA827b6D57x20ABx",
                "1 SUBSCRIBE",
                ALICE + ";tag=200014408;epid=c97532c1946f",
                ALICE + ";tag=a921ad77",
                null,
                "0",
                200);

        assertThat(association.authenticationInfo(fields, "CCBC035E", 102))
                .contains("rspauth=\"01000000A1D7B3532879520864000000\"");
    }

    @Test
    void signsTheServersResponseAndRequestOfAppendixC2() {
        SipaeSignedFields ok = aliceInfo(200);
        SipaeSignedFields info = chatInfo(0);

        assertThat(association.authenticationInfo(ok, "1B59AD11", 104))
                .contains("rspauth=\"01000000453E02F1624B33B764000000\"");
        assertThat(association.authenticationInfo(info, "3B7E49FE", 105))
                .contains("rspauth=\"01000000F81CB009C5EFDF5C64000000\"");
    }

    @Test
    void verifiesTheClientsMessagesOfAppendixCInOrderOnce() {
        association.verify(subscribeSignature(), subscribe());
        association.verify(aliceInfoSignature(), aliceInfo(0));
        SipaeHeader okSignature = authorization("bc0d8267", "5", "0100000086454FA37B305F8264000000");
        SipaeSignedFields ok = chatInfo(200);
        association.verify(okSignature, ok);

        assertThatThrownBy(() -> association.verify(okSignature, ok))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("replayed");
    }

    @Test
    void acceptsAnEarlierCnumOnceWhenTwoDialogsOvertakeEachOther() {
        association.verify(aliceInfoSignature(), aliceInfo(0));
        association.verify(subscribeSignature(), subscribe());

        assertThatThrownBy(() -> association.verify(subscribeSignature(), subscribe()))
                .isInstanceOf(NtlmException.class)
                .hasMessageContaining("replayed");
    }

    @Test
    void refusesForgeriesWithoutMovingTheWindow() {
        SipaeHeader forged = authorization("8cb38690", "9", "01000000DF66ED3DEE12EA8764000000");
        SipaeHeader otherAssociation = SipaeHeader.parse("NTLM opaque=\"00000000\", crand=\"8cb38690\", cnum=\"1\", "
                + "response=\"01000000DF66ED3DEE12EA8764000000\"");
        SipaeHeader malformed = authorization("8cb38690", "1", "01000000DF66ED3D");

        assertThatThrownBy(() -> association.verify(forged, subscribe())).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> association.verify(otherAssociation, subscribe()))
                .hasMessageContaining("not for this");
        assertThatThrownBy(() -> association.verify(malformed, subscribe())).hasMessageContaining("response");
        association.verify(subscribeSignature(), subscribe());
    }

    private static SipaeSignedFields subscribe() {
        return SipaeSignedFields.of(
                "BBCEgCD7AaB7C0iB1E6mC4C8tA827b6D57x20ABx",
                "1 SUBSCRIBE",
                ALICE + ";tag=200014408;epid=c97532c1946f",
                ALICE,
                null,
                "0",
                0);
    }

    /** Alice's INFO in the chat dialog of Appendix C.2 ({@code status} 0), or the server's response to it. */
    private static SipaeSignedFields aliceInfo(int status) {
        return SipaeSignedFields.of(INFO_CALL, "2 INFO", ALICE_IN_DIALOG, CHAT_IN_DIALOG, null, null, status);
    }

    /** The server's INFO in the same dialog ({@code status} 0), or Alice's response to it. */
    private static SipaeSignedFields chatInfo(int status) {
        return SipaeSignedFields.of(INFO_CALL, "1 INFO", CHAT_IN_DIALOG, ALICE_IN_DIALOG, null, null, status);
    }

    /** Alice's signature of {@link #subscribe()}, as Appendix C.2 gives it. */
    private static SipaeHeader subscribeSignature() {
        return authorization("8cb38690", "1", "01000000DF66ED3DEE12EA8764000000");
    }

    /** Alice's signature of {@code aliceInfo(0)}, as Appendix C.2 gives it. */
    private static SipaeHeader aliceInfoSignature() {
        return authorization("7b59cf3c", "4", "01000000DF25652E2C6FC16264000000");
    }

    private static SipaeHeader authorization(String crand, String cnum, String response) {
        return SipaeHeader.parse("NTLM qop=\"auth\", opaque=\"E3CDBAB4\", realm=\"" + REALM + "\", targetname=\""
                + TARGET + "\", crand=\"" + crand + "\", cnum=\"" + cnum + "\", response=\"" + response + "\"");
    }
}
