package org.parley.chat.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;

/** The services' one exception style seen from a test: a call refused with a ChatException of one reason. */
public final class ChatAssertions {

    private ChatAssertions() {}

    public static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(reason);
    }
}
