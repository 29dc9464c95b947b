package org.parley.chat.domain.model.message;

import java.time.Instant;

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
import jakarta.persistence.UniqueConstraint;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.Actor;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Hashes;

/**
 * One post in a room's history, numbered by {@link #seq}: 1, 2, 3, ... per room in posting order. Created
 * only by {@link Room#post}; its text changes only by an administrator's recorded replacement.
 */
@Entity
@Table(
        name = "chat_message",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "chat_message_room_seq_uk",
                        columnNames = {"room_id", "seq"}))
public class Message {

    /**
     * What the column holds: room for four times the advertised storySizeLimit (4096), so the configured
     * limit can be raised without a migration. The service enforces the configured limit.
     */
    public static final int MAX_TEXT_LENGTH = 16384;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_message_id")
    @SequenceGenerator(name = "chat_message_id", sequenceName = "chat_message_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private Room room;

    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "author_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri author;

    @Column(name = "body", nullable = false, length = MAX_TEXT_LENGTH)
    private String text;

    /** When the client says it sent the message (XCCOS {@code ts}); absent for posts without one. */
    @Column(name = "client_time")
    private Instant clientTime;

    @Column(name = "server_time", nullable = false)
    private Instant serverTime;

    protected Message() {}

    /** Only for {@link Room#post}, which numbers it under the room's lock. */
    public Message(Room room, long seq, SipUri author, String text, Instant clientTime, Instant serverTime) {
        this.room = room;
        this.seq = seq;
        this.author = author;
        this.text = checkedText(text);
        this.clientTime = clientTime;
        this.serverTime = serverTime;
    }

    /** The text is kept as posted (line breaks and blanks matter); only emptiness and length are checked. */
    public static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw ChatException.invalid("a message needs text");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new ChatException(
                    ChatException.Reason.TOO_LARGE, "a message is limited to " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    /** An administrator's correction of the history, returned as the record of it, which must be kept. */
    public HistoryChange replaceText(Actor by, String newText, Instant now) {
        by.requireAdministrator("rewrite chat history");
        String oldText = text;
        this.text = checkedText(newText);
        return HistoryChange.replaced(this, by, Hashes.sha256Hex(oldText), now);
    }

    /** An administrator's removal of this message: the record to keep; the caller deletes the message. */
    public HistoryChange removal(Actor by, Instant now) {
        by.requireAdministrator("rewrite chat history");
        return HistoryChange.removed(this, by, Hashes.sha256Hex(text), now);
    }

    public Room room() {
        return room;
    }

    public long seq() {
        return seq;
    }

    public SipUri author() {
        return author;
    }

    public String text() {
        return text;
    }

    public Instant clientTime() {
        return clientTime;
    }

    public Instant serverTime() {
        return serverTime;
    }
}
