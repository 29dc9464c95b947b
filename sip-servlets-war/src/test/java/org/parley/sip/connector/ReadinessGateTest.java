package org.parley.sip.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletRequest;

class ReadinessGateTest {

    private final AtomicBoolean ready = new AtomicBoolean();
    private final ReadinessGate gate = new ReadinessGate(ready::get);

    private static SipServletRequest request(String method, boolean inDialog) {
        SipServletRequest request = mock(SipServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.isInitial()).thenReturn(!inDialog);
        return request;
    }

    @Test
    void aFrontEndsPingOfANodeNotReadyGets503() {
        SipMessageRejectedException refused =
                catchThrowableOfType(SipMessageRejectedException.class, () -> gate.incoming(request("OPTIONS", false)));

        assertThat(refused.getStatus()).isEqualTo(503);
    }

    @Test
    void aNodeNotReadyStillServesItsDialogsAndEverythingButThePing() {
        assertThatCode(() -> gate.incoming(request("OPTIONS", true))).doesNotThrowAnyException();
        assertThatCode(() -> gate.incoming(request("INFO", true))).doesNotThrowAnyException();
        assertThatCode(() -> gate.incoming(request("REGISTER", false))).doesNotThrowAnyException();
    }

    @Test
    void aReadyNodeAnswersThePingAsAlways() {
        ready.set(true);
        assertThatCode(() -> gate.incoming(request("OPTIONS", false))).doesNotThrowAnyException();
    }
}
