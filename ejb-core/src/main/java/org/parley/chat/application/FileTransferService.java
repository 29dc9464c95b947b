package org.parley.chat.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.IssuedFileToken;
import org.parley.chat.application.dto.RedeemedFileToken;
import org.parley.chat.domain.model.file.FileRecord;
import org.parley.chat.domain.model.file.FileRecordRepository;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.domain.model.file.FileTransferToken;
import org.parley.chat.domain.model.file.FileTransferTokenRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.room.RoomRepository;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.shared.ChatException;

/**
 * One-use tokens for file transfers outside SIP (docs/protocol/xccos.md §7.9): issued to a signed-in user who may post
 * (upload) or read (download) files in the room, redeemed once by whoever presents them before they expire.
 * The redeemer acts as the user the token was issued to; the files service checks that user's rights again.
 */
@Stateless
public class FileTransferService {

    @Inject
    Callers callers;

    @Inject
    RoomRepository rooms;

    @Inject
    FileRecordRepository files;

    @Inject
    FileTransferTokenRepository tokens;

    @Inject
    FileTransferSettings settings;

    @Inject
    Clock clock;

    public FileTransferService() {}

    FileTransferService(
            Callers callers,
            RoomRepository rooms,
            FileRecordRepository files,
            FileTransferTokenRepository tokens,
            FileTransferSettings settings,
            Clock clock) {
        this.callers = callers;
        this.rooms = rooms;
        this.files = files;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param fileName for an upload the name the file will have; for a download the name of a file of the room
     *                 (the newest of that name) [INF: Lync clients name the file by its URL's last segment]
     */
    public IssuedFileToken issue(String userUri, String roomUri, FileTransfer direction, String fileName) {
        Actor user = callers.participant(userUri);
        Room room = Found.room(rooms, roomUri);
        Instant now = clock.instant();
        FileTransferToken token =
                switch (direction) {
                    case UPLOAD -> FileTransferToken.upload(user, room, fileName, now, settings.tokenLifetime());
                    case DOWNLOAD -> {
                        room.requireRead(user);
                        FileRecord file = files.newestNamed(room, fileName)
                                .orElseThrow(() ->
                                        ChatException.notFound("no file " + fileName + " in room " + room.name()));
                        yield FileTransferToken.download(user, file, now, settings.tokenLifetime());
                    }
                };
        tokens.add(token);
        return new IssuedFileToken(token.token(), settings.serverUri(), token.expiresAt());
    }

    /**
     * Spends the token: afterwards nobody can redeem it again, even if the transfer then fails. An unknown,
     * spent or expired token is NOT_FOUND; one for the other direction is FORBIDDEN and stays valid.
     */
    public RedeemedFileToken redeem(String token, FileTransfer direction) {
        FileTransferToken found = tokens.find(token)
                .orElseThrow(() -> ChatException.notFound("no file token " + token + " (unknown, used or expired)"));
        if (found.direction() != direction) {
            throw ChatException.forbidden("file token " + token + " is for "
                    + found.direction().name().toLowerCase(java.util.Locale.ROOT) + "ing a file");
        }
        RedeemedFileToken redeemed = new RedeemedFileToken(
                found.user().value(),
                found.room().uri().toString(),
                found.fileName(),
                found.file() == null ? null : found.file().id());
        if (!tokens.consume(token, direction, clock.instant())) {
            throw ChatException.notFound("no file token " + token + " (unknown, used or expired)");
        }
        return redeemed;
    }
}
