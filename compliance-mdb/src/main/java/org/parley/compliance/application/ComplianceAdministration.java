package org.parley.compliance.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.parley.chat.application.compliance.ComplianceOutbox;
import org.parley.compliance.infrastructure.JpaComplianceArchive;

/**
 * The compliance service as an administrator drives it (the web's admin compliance resource): its status and a run
 * now. The web reaches the store, the dispatcher and the dead-letter queue only through here.
 * <p>
 * No transaction of its own: each store read and each run is its own transaction already (the archive's
 * REQUIRES_NEW, the dispatcher's runs), as when the web called them directly.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComplianceAdministration {

    @EJB
    ComplianceDispatcher dispatcher;

    @EJB
    JpaComplianceArchive archive;

    @EJB
    ComplianceOutbox outbox;

    @Inject
    DeadLetterQueue deadLetters;

    public ComplianceStatus status() {
        ComplianceSettings settings = ComplianceSettings.fromSystemProperties();
        JpaComplianceArchive.Backlog backlog = archive.backlog();
        return new ComplianceStatus(
                settings.enabled(),
                settings.adapters(),
                outbox.backlog(),
                backlog.events(),
                backlog.oldestReceivedAt(),
                archive.adapters().stream().map(ComplianceStatus.Adapter::of).toList(),
                deadLetters.browse());
    }

    /**
     * Refused while compliance is off: a run would hand adapters whatever an earlier, enabled, life stored.
     *
     * @throws ComplianceException while compliance is off, or while another node's run holds the lease
     */
    public BatchDelivery.Outcome run() {
        if (!ComplianceSettings.fromSystemProperties().enabled()) {
            throw new ComplianceException("compliance is off (PARLEY_COMPLIANCE_ENABLED)");
        }
        return dispatcher.runNow();
    }
}
