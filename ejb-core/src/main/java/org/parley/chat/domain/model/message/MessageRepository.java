package org.parley.chat.domain.model.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parley.chat.domain.model.room.Room;

/** Every list is in sequence order, oldest first, as clients show history. */
public interface MessageRepository {

    void add(Message message);

    Optional<Message> find(Room room, long seq);

    /** The newest {@code count} messages. */
    List<Message> last(Room room, int count);

    /** The {@code count} messages just before sequence number {@code seq}. */
    List<Message> before(Room room, long seq, int count);

    /** The {@code count} messages just after sequence number {@code seq}. */
    List<Message> after(Room room, long seq, int count);

    /**
     * The {@code count} messages just after sequence number {@code seq} that were stored (server time) at or after
     * {@code from} and before {@code to}; a null bound is no bound.
     */
    List<Message> after(Room room, long seq, Instant from, Instant to, int count);

    /**
     * Messages of {@code rooms} whose text contains {@code text}, ignoring case, newest first
     * (an exception to the oldest-first rule: search results lead with what is recent).
     */
    List<Message> search(Collection<Room> rooms, String text, int limit);

    void remove(Message message);

    /** Deletes the room's messages posted (server time) before {@code before}; returns how many. */
    long removeBefore(Room room, Instant before);

    /** How many of the room's messages were stored before {@code before}. */
    long countBefore(Room room, Instant before);

    /** Deletes at most {@code limit} of the room's messages stored before {@code before}, oldest first; how many. */
    int removeBefore(Room room, Instant before, int limit);

    /** How many messages the filter matches, by room (rooms without a match are left out). */
    Map<Room, Long> countMatching(HistoryFilter filter);

    /**
     * The filter's messages in one room whose text begins with {@code prefix} (case as given), oldest first: the few a
     * rewrite must look at before it takes them (file announcements).
     */
    List<Message> matchingStartingWith(Room room, HistoryFilter filter, String prefix);

    /** Deletes the filter's messages in one room; how many. */
    long removeMatching(Room room, HistoryFilter filter);

    /** Gives the filter's messages in one room the same new text; how many. */
    long replaceMatching(Room room, HistoryFilter filter, String newText);
}
