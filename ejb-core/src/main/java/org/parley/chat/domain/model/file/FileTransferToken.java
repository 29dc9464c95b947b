package org.parley.chat.domain.model.file;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * A one-use, short-lived permission to move one file's bytes into or out of one room for one user, handed to
 * XCCOS clients (cmd:getfutok / cmd:getfdtok) that transfer files over HTTPS, outside SIP. Whoever holds the
 * token acts as the user it was issued to, so it is random (122 bits), expires soon, and is deleted by its
 * redemption. Rights are checked when it is issued and again when it is redeemed.
 */
@Entity
@Table(name = "file_transfer_token")
public class FileTransferToken {

    @Id
    @Column(name = "token", nullable = false, length = 36)
    private String token;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 8)
    private FileTransfer direction;

    @Column(name = "user_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private Room room;

    @Column(name = "file_name", nullable = false, length = FileRecord.MAX_FILE_NAME_LENGTH)
    private String fileName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "file_id")
    private FileRecord file;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected FileTransferToken() {}

    private FileTransferToken(
            FileTransfer direction,
            Actor user,
            Room room,
            String fileName,
            FileRecord file,
            Instant now,
            Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token must live a while, not " + lifetime);
        }
        this.token = UUID.randomUUID().toString();
        this.direction = direction;
        this.user = user.uri();
        this.room = room;
        this.fileName = fileName;
        this.file = file;
        this.issuedAt = now.truncatedTo(ChronoUnit.MICROS);
        this.expiresAt = issuedAt.plus(lifetime);
    }

    /** For posting a file named {@code fileName} to the room: the files API's rules (FileRecord#requireUpload). */
    public static FileTransferToken upload(Actor user, Room room, String fileName, Instant now, Duration lifetime) {
        FileRecord.requireUpload(room, user);
        if (fileName == null || fileName.isBlank() || fileName.length() > FileRecord.MAX_FILE_NAME_LENGTH) {
            throw ChatException.invalid(
                    "an upload needs a file name of 1.." + FileRecord.MAX_FILE_NAME_LENGTH + " characters");
        }
        return new FileTransferToken(FileTransfer.UPLOAD, user, room, fileName, null, now, lifetime);
    }

    /** For fetching a file of the room, for whoever may read the room. */
    public static FileTransferToken download(Actor user, FileRecord file, Instant now, Duration lifetime) {
        file.room().requireRead(user);
        return new FileTransferToken(FileTransfer.DOWNLOAD, user, file.room(), file.fileName(), file, now, lifetime);
    }

    public String token() {
        return token;
    }

    public FileTransfer direction() {
        return direction;
    }

    public SipUri user() {
        return user;
    }

    public Room room() {
        return room;
    }

    public String fileName() {
        return fileName;
    }

    /** The file a download token is for; null for an upload. */
    public FileRecord file() {
        return file;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
