package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.testing.TestChatConfiguration;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.ServerInfo;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class ServerInfoHandlerTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:34:56.789Z");
    private static final String ROOT_URI = "ma-cat://contoso.com/00000000-0000-4000-8000-000000000001";

    @Mock
    CategoryService categories;

    private static final CategoryView ROOT = new CategoryView(
            ROOT_URI, new CategorySettings("Root", "", true, false, true), List.of(), List.of(), List.of(), null, 1);

    private final ServerInfoHandler handler = new ServerInfoHandler();

    @BeforeEach
    void wire() {
        handler.categories = categories;
        // Limits deliberately unlike the defaults, so the test sees they come from the configuration.
        handler.configuration = TestChatConfiguration.contoso()
                .storySizeLimit(2048)
                .searchLimit(77)
                .maxFileSizeBytes(1024)
                .build();
        handler.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void handlesGetServerInfoCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.GetServerInfo.class);
    }

    /**
     * The sib echoes infoType and carries the server's clock, the configured limits (messages are accepted
     * up to the story size, so both sizes are the same), the root category and the store's version.
     */
    @Test
    void answersTimeLimitsRootCategoryAndDbVersion() {
        when(categories.root()).thenReturn(ROOT);

        assertThat(handler.handle(new Command.GetServerInfo(REF, "contoso.com", "123"), ALICE_CLIENT))
                .containsExactly(serverInfoReply(
                        new ServerInfo("123", NOW, 77, 2048, 2048, ROOT_URI, ServerInfoHandler.DB_VERSION, null)));
    }

    /** A room management URL set (parley.chat.room-management-url) is given to the client with the rest. */
    @Test
    void givesTheRoomManagementUrlWhenOneIsSet() {
        when(categories.root()).thenReturn(ROOT);
        handler.configuration = TestChatConfiguration.contoso()
                .storySizeLimit(2048)
                .searchLimit(77)
                .maxFileSizeBytes(1024)
                .roomManagementUrl("https://chat.contoso.com/rooms")
                .build();

        assertThat(handler.handle(new Command.GetServerInfo(REF, "contoso.com", "123"), ALICE_CLIENT))
                .containsExactly(serverInfoReply(new ServerInfo(
                        "123",
                        NOW,
                        77,
                        2048,
                        2048,
                        ROOT_URI,
                        ServerInfoHandler.DB_VERSION,
                        "https://chat.contoso.com/rooms")));
    }

    private static Reply serverInfoReply(ServerInfo info) {
        return new Reply("rpl:getserverinfo", REF, Result.OK, List.of(info));
    }

    /**
     * dbVersion is a GUID (docs/protocol/xccos.md §7.2) that must not change between starts or builds: pinned here,
     * so a change to it is a deliberate one.
     */
    @Test
    void dbVersionIsAStableGuid() {
        assertThat(ServerInfoHandler.DB_VERSION).isEqualTo("8c109cdc-a8fa-3edf-a72d-2227e5c77063");
    }
}
