package org.parley.compliance.application;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.compliance.domain.ArchivePosition;

/**
 * An event as the archive holds it: its id (unique, named in the adapters' output) and its delivery round
 * (0 while it has none yet), which together place it in the delivery order.
 */
public record ArchivedRecord(long id, long round, ComplianceEvent event) {

    public ArchivePosition position() {
        return new ArchivePosition(round, id);
    }
}
