package org.parley.chat.domain.model.file;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Hashes;
import org.parley.chat.domain.shared.Texts;

/**
 * The metadata of a file posted to a room. The bytes live in the file store under {@link #storageKey};
 * the original name is for display only and never used as a path.
 */
@Entity
@Table(name = "file_record")
public class FileRecord {

    public static final int MAX_FILE_NAME_LENGTH = 255;
    public static final int MAX_CONTENT_TYPE_LENGTH = 255;
    public static final int MAX_STORAGE_KEY_LENGTH = 128;
    private static final Pattern STORAGE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "file_record_id")
    @SequenceGenerator(name = "file_record_id", sequenceName = "file_record_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private Room room;

    @Column(name = "file_name", nullable = false, length = MAX_FILE_NAME_LENGTH)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "content_type", nullable = false, length = MAX_CONTENT_TYPE_LENGTH)
    private String contentType;

    @Column(name = "storage_key", nullable = false, length = MAX_STORAGE_KEY_LENGTH)
    private String storageKey;

    @Column(name = "uploader_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri uploader;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected FileRecord() {}

    private FileRecord(Room room, FileDescription file, SipUri uploader, Instant uploadedAt) {
        this.room = room;
        this.fileName = displayName(file.fileName());
        if (file.sizeBytes() < 0) {
            throw ChatException.invalid("a file size cannot be negative");
        }
        this.sizeBytes = file.sizeBytes();
        String hash = file.sha256() == null ? null : file.sha256().toLowerCase(Locale.ROOT);
        if (!Hashes.isSha256Hex(hash)) {
            throw ChatException.invalid("not a SHA-256 in hex: " + file.sha256());
        }
        this.sha256 = hash;
        String type = Texts.optional(file.contentType(), "content type", MAX_CONTENT_TYPE_LENGTH);
        this.contentType = type == null ? "application/octet-stream" : type;
        if (file.storageKey() == null
                || !STORAGE_KEY.matcher(file.storageKey()).matches()
                || file.storageKey().contains("..")) {
            throw ChatException.invalid("not a storage key: " + file.storageKey());
        }
        this.storageKey = file.storageKey();
        this.uploader = uploader;
        // The databases keep microseconds: the time returned now must be the one read back later.
        this.uploadedAt = uploadedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static FileRecord register(Room room, Actor by, FileDescription file, Instant now) {
        requireUpload(room, by);
        return new FileRecord(room, file, by.uri(), now);
    }

    /**
     * A file as an imported store document had it: uploaded by {@code uploader} at {@code uploadedAt}. Only an
     * administrator imports, and the upload rules were the exporting store's business.
     */
    public static FileRecord restore(Room room, Actor by, FileDescription file, SipUri uploader, Instant uploadedAt) {
        by.requireAdministrator("restore a file");
        return new FileRecord(room, file, uploader, uploadedAt);
    }

    /** Posting a file is posting to the room, and the room's category must allow files. */
    public static void requireUpload(Room room, Actor by) {
        room.requireJoin(by);
        if (!room.canPost(by)) {
            throw ChatException.forbidden(by.uri() + " may not post in room " + room.name());
        }
        if (!room.fileUploadAllowed()) {
            throw ChatException.forbidden("files may not be posted to room " + room.name());
        }
    }

    /** The last path segment of whatever the client sent (browsers send full Windows paths at times). */
    private static String displayName(String name) {
        String plain = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return Texts.required(plain, "file name", MAX_FILE_NAME_LENGTH);
    }

    public Long id() {
        return id;
    }

    public Room room() {
        return room;
    }

    public String fileName() {
        return fileName;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public String contentType() {
        return contentType;
    }

    public String storageKey() {
        return storageKey;
    }

    public SipUri uploader() {
        return uploader;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
