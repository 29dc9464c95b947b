package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SipaeHeaderTest {

    @Test
    void readsSipesSignedAuthorization() {
        SipaeHeader header = SipaeHeader.parse("NTLM qop=\"auth\", opaque=\"E3CDBAB4\", realm=\"SIP Communications "
                + "Service\", targetname=\"parley.contoso.com\", crand=\"8cb38690\", cnum=\"1\", "
                + "response=\"01000000DF66ED3DEE12EA8764000000\"");

        assertThat(header.scheme()).isEqualTo("NTLM");
        assertThat(header.parameter("realm")).isEqualTo("SIP Communications Service");
        assertThat(header.parameter("CNUM")).isEqualTo("1");
        assertThat(header.parameter("response")).isEqualTo("01000000DF66ED3DEE12EA8764000000");
    }

    @Test
    void readsEmptyQuotedAndTokenValues() {
        SipaeHeader header = SipaeHeader.parse("NTLM qop=\"auth\", realm=\"SIP Communications Service\", "
                + "targetname=\"parley.contoso.com\", gssapi-data=\"\", version=3");

        assertThat(header.parameter("gssapi-data")).isEmpty();
        assertThat(header.parameter("version")).isEqualTo("3");
        assertThat(header.parameter("opaque")).isNull();
    }

    @Test
    void writesTheOfferOfAppendixC() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("realm", "SIP Communications Service");
        parameters.put("targetname", "parley.contoso.com");
        parameters.put("version", "3");

        assertThat(new SipaeHeader("NTLM", parameters).format())
                .isEqualTo("NTLM realm=\"SIP Communications Service\", targetname=\"parley.contoso.com\", version=3");
    }

    @Test
    void refusesMalformedValues() {
        for (String bad : new String[] {
            "",
            "NTLM realm",
            "NTLM realm=\"open",
            "NTLM a=\"1\", a=\"2\"",
            "NTLM a=\"1\" b=\"2\"",
            "NTLM =\"1\"",
            "NTLM a=\"1\", " + "x".repeat(SipaeHeader.MAX_LENGTH)
        }) {
            assertThatThrownBy(() -> SipaeHeader.parse(bad)).as(bad).isInstanceOf(NtlmException.class);
        }
    }
}
