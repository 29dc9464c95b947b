package org.parley.compliance.application;

import org.parley.chat.application.compliance.ComplianceEvent;

/** An event as the archive holds it: with the id that orders it and tracks adapters' progress. */
public record ArchivedRecord(long id, ComplianceEvent event) {
}
