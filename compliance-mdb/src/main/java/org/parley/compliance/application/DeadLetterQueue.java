package org.parley.compliance.application;

/**
 * The compliance dead-letter queue, looked at without taking anything off it: a dead-lettered event is in no
 * archive, which compliance officers must hear about.
 */
public interface DeadLetterQueue {

    /** Browsing is a scan of the queue; beyond this many the count is a lower bound, which is alarm enough. */
    int COUNT_LIMIT = 10_000;
    /** How many messages a look shows. */
    int SAMPLE = 5;
    /** Where a shown message's body is cut, a length fit for a status page. */
    int BODY_LIMIT = 2_000;

    /** The messages on the queue, counted up to {@link #COUNT_LIMIT}, and the first {@link #SAMPLE} of them. */
    ComplianceStatus.DeadLetters browse();
}
