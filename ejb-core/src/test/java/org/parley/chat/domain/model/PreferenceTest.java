package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.preference.Preference;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;

/** A preference holds base64 of at most 64 KiB under a label; anything else is refused and changes nothing. */
class PreferenceTest {

    private static final SipUri ALICE = SipUri.parse("sip:alice@contoso.com");

    @Test
    void holdsBase64UnderALabel() {
        Preference preference = Preference.create(ALICE, "  kedzie.GroupChannels ", "");
        assertThat(preference.label()).isEqualTo("kedzie.GroupChannels");
        assertThat(preference.content()).isEmpty();
        preference.replace("PGEvPg==");
        assertThat(preference.content()).isEqualTo("PGEvPg==");
    }

    @Test
    void refusesWhatIsNotBase64OrTooLargeAndKeepsTheValue() {
        Preference preference = Preference.create(ALICE, "kedzie.GroupChannels", "PGEvPg==");
        assertThatThrownBy(() -> preference.replace("not base64!"))
                .isInstanceOf(ChatException.class)
                .matches(e -> ((ChatException) e).reason() == Reason.INVALID);
        assertThatThrownBy(() -> preference.replace("A".repeat(Preference.MAX_CONTENT_LENGTH + 4)))
                .matches(e -> ((ChatException) e).reason() == Reason.TOO_LARGE);
        assertThat(preference.content()).isEqualTo("PGEvPg==");
        assertThatThrownBy(() -> Preference.create(ALICE, " ", "")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> Preference.create(ALICE, "x".repeat(Preference.MAX_LABEL_LENGTH + 1), ""))
                .isInstanceOf(ChatException.class);
    }
}
