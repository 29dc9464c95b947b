package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.FileTransferService;
import org.parley.chat.application.dto.IssuedFileToken;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.interfaces.xccos.ChatErrors;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.FileToken;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class FileTokenHandlerTest {

    private static final String SERVICE = "https://pool.contoso.com/parley/api/v1/filetokens";

    @Mock
    FileTransferService transfers;

    private final FileTokenHandler handler = new FileTokenHandler();

    @BeforeEach
    void wire() {
        handler.transfers = transfers;
    }

    @Test
    void handlesBothTokenCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.GetFileToken.class);
    }

    @Test
    void anUploadTokenIsIssuedForTheCallerAndAnsweredAsGetftok() {
        when(transfers.issue(ALICE, ROOM_A, FileTransfer.UPLOAD, "plan.pdf"))
                .thenReturn(new IssuedFileToken("t-1", SERVICE, Instant.parse("2026-01-01T00:05:00Z")));

        var out = handler.handle(new Command.GetFileToken(REF, true, ROOM_A, "plan.pdf"), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply("rpl:getftok", REF, Result.OK, List.of(new FileToken("t-1", SERVICE))));
    }

    @Test
    void aDownloadTokenAsksTheServiceForADownload() {
        when(transfers.issue(ALICE, ROOM_A, FileTransfer.DOWNLOAD, "plan.pdf"))
                .thenReturn(new IssuedFileToken("t-2", SERVICE, Instant.parse("2026-01-01T00:05:00Z")));

        var out = handler.handle(new Command.GetFileToken(REF, false, ROOM_A, "plan.pdf"), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply("rpl:getftok", REF, Result.OK, List.of(new FileToken("t-2", SERVICE))));
    }

    /** The dispatcher turns the refusal into the error reply; here: it is the service's refusal, unchanged. */
    @Test
    void aRefusalIsLeftToTheDispatcher() {
        when(transfers.issue(ALICE, ROOM_A, FileTransfer.UPLOAD, "plan.pdf"))
                .thenThrow(ChatException.forbidden("files may not be posted to room Dev"));

        assertThatThrownBy(() -> handler.handle(new Command.GetFileToken(REF, true, ROOM_A, "plan.pdf"), ALICE_CLIENT))
                .isInstanceOfSatisfying(
                        ChatException.class,
                        e -> assertThat(ChatErrors.toResult(e).code()).isEqualTo(403));
    }
}
