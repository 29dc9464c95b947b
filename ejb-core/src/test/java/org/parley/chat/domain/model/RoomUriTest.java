package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.shared.ChatException;

/** The one name of a room: how clients and paths spell it, and the form the store and the SIP side key it by. */
class RoomUriTest {

    private static final String GUID = "0F8FAD5B-D9CB-469F-A165-70867728950E";

    @Test
    void aPathsGuidNamesTheRoomOfTheDomain() {
        RoomUri room = RoomUri.of("Contoso.com", GUID);

        assertThat(room.toString()).isEqualTo("ma-chan://contoso.com/0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(RoomUri.parse(room.toString())).isEqualTo(room);
        assertThatThrownBy(() -> RoomUri.of("contoso.com", "not-a-guid"))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(ChatException.Reason.INVALID);
    }

    @Test
    void theCanonicalFormIsWhatTheStoreKeepsWhateverTheClientSent() {
        String sent = " ma-chan://Contoso.COM/" + GUID + " ";

        assertThat(RoomUri.canonical(sent))
                .isEqualTo(RoomUri.parse(sent.strip()).toString());
        assertThat(RoomUri.canonical("ma-chan://Contoso.com/no-guid")).isEqualTo("ma-chan://contoso.com/no-guid");
        assertThat(RoomUri.canonical(null)).isNull();
    }

    @Test
    void aRoomUriSplitsIntoTheDomainAndGuidXccosNamesRoomsBy() {
        UUID guid = UUID.randomUUID();
        RoomUri room = RoomUri.parse("ma-chan://contoso.com/" + guid);

        assertThat(room.domain()).isEqualTo("contoso.com");
        assertThat(room.guid()).isEqualTo(guid);
    }
}
