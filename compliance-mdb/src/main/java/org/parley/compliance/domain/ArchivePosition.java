package org.parley.compliance.domain;

/**
 * A place in the archive's delivery order: events are delivered by delivery round, then by id within a
 * round. An adapter's progress is the position of the last event it took; every event at or before it
 * has been delivered to it.
 *
 * <p>Why not the id alone: ids are allocated before the storing transactions commit, and several
 * message-driven bean sessions (and nodes) commit in any order, so an event with a lower id can become
 * visible after a higher one was delivered, below the adapter's progress, and would be skipped and then
 * deleted. A round is given only to events already committed, by the dispatcher under a lock
 * (ComplianceArchive#order), and every later round is higher, so nothing can appear at or before a
 * position once an adapter has reached it.
 *
 * @param round the delivery round (0: before the first)
 * @param id    the event's id within that round
 */
public record ArchivePosition(long round, long id) implements Comparable<ArchivePosition> {

    /** Before every event: where an adapter that has taken nothing stands. */
    public static final ArchivePosition START = new ArchivePosition(0, 0);

    @Override
    public int compareTo(ArchivePosition other) {
        int byRound = Long.compare(round, other.round);
        return byRound != 0 ? byRound : Long.compare(id, other.id);
    }

    public boolean isAfter(ArchivePosition other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return round + "/" + id;
    }
}
