package org.parley.compliance.application;

import java.util.List;

/** The compliance store as the batch delivery sees it; each call is its own transaction. */
public interface ComplianceArchive {

    /** Events with an id above {@code afterId}, in id order, at most {@code limit}. */
    List<ArchivedRecord> after(long afterId, int limit);

    /** The last event id the adapter has taken (0 when it has taken none). */
    long progressOf(String adapter);

    void delivered(String adapter, long upToEventId, int count);

    void failed(String adapter, String error);

    /** Deletes events up to and including {@code eventId}; @return how many */
    int deleteUpTo(long eventId);
}
