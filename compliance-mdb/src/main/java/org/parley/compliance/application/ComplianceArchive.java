package org.parley.compliance.application;

import java.util.List;

import org.parley.compliance.domain.ArchivePosition;

/**
 * The compliance store as the batch delivery sees it; each call is its own transaction. Events are
 * delivered in the order of {@link ArchivePosition} (delivery round, then id), not of their ids alone:
 * see there why.
 */
public interface ComplianceArchive {

    /**
     * Gives the next delivery round to up to {@code limit} stored events that have none yet (the oldest
     * first), and commits it. Only events already committed get it, so every event that commits later
     * gets a later round. @return how many events it placed
     */
    int order(int limit);

    /** Events placed after {@code position}, in delivery order, at most {@code limit}. */
    List<ArchivedRecord> next(ArchivePosition position, int limit);

    /** The position of the last event the adapter has taken ({@link ArchivePosition#START} when none). */
    ArchivePosition progressOf(String adapter);

    void delivered(String adapter, ArchivePosition upTo, int count);

    void failed(String adapter, String error);

    /** Deletes the events at or before {@code position}; @return how many */
    int deleteUpTo(ArchivePosition position);
}
