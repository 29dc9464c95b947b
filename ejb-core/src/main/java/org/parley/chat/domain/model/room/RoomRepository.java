package org.parley.chat.domain.model.room;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.user.Principal;

public interface RoomRepository {

    Optional<Room> find(RoomUri uri);

    Optional<Room> findByName(String name);

    /** Whether another room than {@code except} (null: any room) has this name, ignoring case. */
    boolean nameInUse(String name, Room except);

    /**
     * The room, freshly read with its row locked until the transaction ends: the serialisation point of
     * posting, which makes the per-room sequence numbers gap-free and unique under concurrency.
     */
    Optional<Room> lockForPosting(RoomUri uri);

    /**
     * Rooms of the given categories whose name key contains {@code nameFragment} (empty: all), by name, at
     * most {@code limit}, that {@link Room#canSee} lets a non-administrator holding the principals see: not
     * secret or listing one of the principals in any role, and not disabled unless one of them manages it.
     * The rule is applied in the query, so the limit counts only rooms the user may see (the caller still
     * applies {@link Room#canSee} as the final word).
     */
    List<Room> searchable(Collection<Long> categoryIds, Set<Principal> principals, String nameFragment, int limit);

    /**
     * Every room of the given categories that {@link Room#canJoin} lets a non-administrator holding the
     * principals join (not disabled, open or listing one of them), by name, unlimited: the scope of a
     * message search (the caller still applies {@link Room#canRead}).
     */
    List<Room> joinable(Collection<Long> categoryIds, Set<Principal> principals);

    /** Every room whose name key contains {@code nameFragment}, by name: the administrators' view. */
    List<Room> searchAll(String nameFragment, int limit);

    /** Rooms that list one of the principals as {@code role} (MEMBER: in any role), by name. */
    List<Room> listing(Set<Principal> principals, RoomRole role);

    void add(Room room);

    /** The rooms that keep history for a limited time (their own retention, or their category's). */
    List<Room> withRetention();

    /** The rooms of a category. */
    List<Room> inCategory(Category category);

    /**
     * Deletes the room and everything of it: its messages and their history changes, its file records and file
     * transfer tokens, follows, invitations and role lists. The file store's bytes go when no record names them
     * any more (the file store's clean-up). Everything the persistence context held is written out and forgotten.
     *
     * @return what was deleted with it
     */
    RoomRemoval remove(Room room);

    /** What a room's deletion took with it. */
    record RoomRemoval(long messages, long files, long follows, long invitations) {}

    /** The URIs of every room, by name (for exporting the store one room at a time). */
    List<RoomUri> allUris();

    /** Writes the room's pending changes now, so its {@link Room#version()} is the new one (the ETag to hand out). */
    void store(Room room);
}
