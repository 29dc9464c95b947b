package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings as the server reads them at start (system properties), and what it refuses to start with. */
class ChatConfigurationTest {

    private static ChatConfiguration with(String name, String value) {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return ChatConfiguration.from(properties);
    }

    /** Lync's RoomManagementUrl is empty by default: clients then use their own room management. */
    @Test
    void noRoomManagementUrlUnlessOneIsSet() {
        ChatConfiguration defaults = ChatConfiguration.from(new Properties());

        assertThat(defaults.roomManagementUrl()).isEmpty();
        assertThat(defaults.roomManagement()).isEmpty();
        assertThat(with(ChatConfiguration.ROOM_MANAGEMENT_URL, "  ").roomManagement())
                .as("blank is none")
                .isEmpty();
        assertThat(defaults.backChatDefaultCount()).isEqualTo(25);
        assertThat(defaults.participantListLimit()).isEqualTo(75);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://chat.contoso.com/rooms",
                "http://localhost:8080/parley/",
                "HTTPS://chat.contoso.com:8443/manage?room=1"
            })
    void anAbsoluteWebUrlIsGivenAsSet(String url) {
        assertThat(with(ChatConfiguration.ROOM_MANAGEMENT_URL, " " + url + " ").roomManagement())
                .contains(url);
    }

    /** A link a client could not open, or should not (file:, javascript:), stops the server at start. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/parley/",
                "chat.contoso.com/rooms",
                "ftp://chat.contoso.com/",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "https://",
                "https:///rooms",
                "https://chat contoso.com/",
                "mailto:admin@contoso.com"
            })
    void anythingElseIsRefusedNamingTheSetting(String url) {
        assertThatThrownBy(() -> with(ChatConfiguration.ROOM_MANAGEMENT_URL, url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ChatConfiguration.ROOM_MANAGEMENT_URL);
    }
}
