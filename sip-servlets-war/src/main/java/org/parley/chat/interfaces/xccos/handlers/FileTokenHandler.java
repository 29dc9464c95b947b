package org.parley.chat.interfaces.xccos.handlers;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.FileTransferService;
import org.parley.chat.application.dto.IssuedFileToken;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.interfaces.xccos.ChatClient;
import org.parley.chat.interfaces.xccos.CommandHandler;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.FileToken;
import org.parley.xccos.Outbound;
import org.parley.xccos.Reply;

/**
 * cmd:getfutok / cmd:getfdtok (docs/protocol/xccos.md §7.9): a one-use token for moving a file into or out of a room
 * over HTTPS, and the web service that takes it. Both answer rpl:getftok. Whoever may not post (upload) or
 * read (download) files in the room gets the error reply the files API would give.
 */
@ApplicationScoped
public class FileTokenHandler implements CommandHandler<Command.GetFileToken> {

    @Inject
    FileTransferService transfers;

    @Override
    public Class<Command.GetFileToken> commandType() {
        return Command.GetFileToken.class;
    }

    @Override
    public List<Outbound> handle(Command.GetFileToken command, ChatClient client) {
        IssuedFileToken token = transfers.issue(
                client.userUri(),
                command.channelUri(),
                command.upload() ? FileTransfer.UPLOAD : FileTransfer.DOWNLOAD,
                command.fileUrl());
        return List.of(Reply.ok(command, new FileToken(token.token(), token.serverUri())));
    }
}
