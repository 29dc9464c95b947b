package org.parley.web.rest.admin;

import org.parley.compliance.application.BatchDelivery;

/**
 * What one run of the compliance service did.
 *
 * @param delivered events handed to adapters (an event reaching two adapters counts twice)
 * @param failures  adapters that failed a batch; they keep their place and get it again next run
 * @param deleted   events every adapter has now taken, removed from the compliance store
 */
public record ComplianceRunJson(int delivered, int failures, int deleted) {

    static ComplianceRunJson of(BatchDelivery.Outcome outcome) {
        return new ComplianceRunJson(outcome.delivered(), outcome.failures(), outcome.deleted());
    }
}
