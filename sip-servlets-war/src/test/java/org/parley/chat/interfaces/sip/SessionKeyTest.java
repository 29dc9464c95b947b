package org.parley.chat.interfaces.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.parley.sip.servlet.SipSession;

/** The typed session attributes: what they write and read, under the names sessions already carry. */
class SessionKeyTest {

    @Test
    void aKeyWritesAndReadsItsAttributeWithItsType() {
        SipSession session = mock(SipSession.class);
        when(session.getAttribute("parley.user", String.class)).thenReturn("sip:alice@contoso.com");

        SessionKey.USER.set(session, "sip:alice@contoso.com");

        verify(session).setAttribute("parley.user", "sip:alice@contoso.com");
        assertThat(SessionKey.USER.get(session)).isEqualTo("sip:alice@contoso.com");
        assertThat(SessionKey.RESUMED.get(session)).as("an attribute never set").isNull();
    }
}
