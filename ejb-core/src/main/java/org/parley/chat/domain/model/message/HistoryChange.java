package org.parley.chat.domain.model.message;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/**
 * The audit record of an administrator rewriting a room's history: history is otherwise append-only, so
 * each of these explains a gap or a changed text. It keeps a hash of the old text, not the text: proof of
 * what was there without keeping what was meant to be removed.
 */
@Entity
@Table(name = "history_change")
public class HistoryChange {

    public enum Kind {
        /** Every message older than {@link #clearedBefore} was deleted. */
        CLEARED_BEFORE,
        /** Message {@link #messageSeq} was deleted. */
        REMOVED,
        /** Message {@link #messageSeq} got a new text. */
        REPLACED,
        /** The messages of the room an administrator's filter ({@link #filter}) matched were deleted. */
        REMOVED_MATCHING,
        /** The messages of the room an administrator's filter ({@link #filter}) matched got one new text. */
        REPLACED_MATCHING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "history_change_id")
    @SequenceGenerator(name = "history_change_id", sequenceName = "history_change_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id", nullable = false)
    private Room room;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 24)
    private Kind kind;

    @Column(name = "actor_uri", nullable = false, length = SipUri.MAX_LENGTH)
    private SipUri actor;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "message_seq")
    private Long messageSeq;

    @Column(name = "cleared_before")
    private Instant clearedBefore;

    @Column(name = "messages_affected", nullable = false)
    private long messagesAffected;

    @Column(name = "old_text_sha256", length = 64)
    private String oldTextSha256;

    /** What a bulk rewrite's filter said ({@link HistoryFilter#describe}); null otherwise. */
    @Column(name = "filter_text", length = 1024)
    private String filter;

    protected HistoryChange() {}

    private HistoryChange(Room room, Kind kind, Actor actor, Instant changedAt, long messagesAffected) {
        this.room = room;
        this.kind = kind;
        this.actor = actor.uri();
        this.changedAt = changedAt;
        this.messagesAffected = messagesAffected;
    }

    static HistoryChange replaced(Message message, Actor actor, String oldTextSha256, Instant now) {
        HistoryChange change = new HistoryChange(message.room(), Kind.REPLACED, actor, now, 1);
        change.messageSeq = message.seq();
        change.oldTextSha256 = oldTextSha256;
        return change;
    }

    static HistoryChange removed(Message message, Actor actor, String oldTextSha256, Instant now) {
        HistoryChange change = new HistoryChange(message.room(), Kind.REMOVED, actor, now, 1);
        change.messageSeq = message.seq();
        change.oldTextSha256 = oldTextSha256;
        return change;
    }

    /** The record of clearing a room's history; the caller deletes the messages and says how many. */
    public static HistoryChange clearedBefore(Room room, Actor actor, Instant before, long deleted, Instant now) {
        actor.requireAdministrator("rewrite chat history");
        HistoryChange change = new HistoryChange(room, Kind.CLEARED_BEFORE, actor, now, deleted);
        change.clearedBefore = before;
        return change;
    }

    /** The record of a bulk rewrite in one room; the caller deletes or rewrites the messages and says how many. */
    public static HistoryChange matching(
            Room room, Actor actor, HistoryFilter filter, boolean replaced, long affected, Instant now) {
        actor.requireAdministrator("rewrite chat history");
        HistoryChange change = new HistoryChange(
                room, replaced ? Kind.REPLACED_MATCHING : Kind.REMOVED_MATCHING, actor, now, affected);
        String described = filter.describe();
        change.filter = described.length() > 1024 ? described.substring(0, 1024) : described;
        return change;
    }

    public String filter() {
        return filter;
    }

    public Room room() {
        return room;
    }

    public Kind kind() {
        return kind;
    }

    public SipUri actor() {
        return actor;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Long messageSeq() {
        return messageSeq;
    }

    public Instant clearedBefore() {
        return clearedBefore;
    }

    public long messagesAffected() {
        return messagesAffected;
    }

    public String oldTextSha256() {
        return oldTextSha256;
    }
}
