package org.parley.compliance.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.compliance.application.ArchivedRecord;
import org.parley.compliance.application.ComplianceArchive;
import org.parley.compliance.domain.AdapterProgress;
import org.parley.compliance.domain.ArchivedEvent;
import org.parley.compliance.domain.DispatchLease;

/**
 * The compliance store on its own datasource. Every method is its own transaction, so an adapter's
 * progress is committed the moment its delivery succeeds, whatever happens to the rest of the run.
 * A no-interface view besides ComplianceArchive: the receiver and the administrator API use more.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JpaComplianceArchive implements ComplianceArchive {

    @PersistenceContext(unitName = "parley-compliance")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Stores an event received from the queue, once: a redelivered message is recognised by its id.
     * Runs in the caller's transaction (the message's), so receipt and storage commit together.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean store(ComplianceEvent event) {
        boolean known = !em.createQuery("select e.id from ArchivedEvent e where e.eventId = :id", Long.class)
                .setParameter("id", event.id()).setMaxResults(1).getResultList().isEmpty();
        if (known) {
            return false;
        }
        em.persist(new ArchivedEvent(event, clock.instant()));
        return true;
    }

    @Override
    public List<ArchivedRecord> after(long afterId, int limit) {
        return em.createQuery("select e from ArchivedEvent e where e.id > :after order by e.id", ArchivedEvent.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultStream().map(e -> new ArchivedRecord(e.id(), e.event())).toList();
    }

    @Override
    public long progressOf(String adapter) {
        AdapterProgress progress = em.find(AdapterProgress.class, adapter);
        return progress == null ? 0 : progress.lastEventId();
    }

    @Override
    public void delivered(String adapter, long upToEventId, int count) {
        progress(adapter).delivered(upToEventId, count, clock.instant());
    }

    @Override
    public void failed(String adapter, String error) {
        progress(adapter).failed(error, clock.instant());
    }

    @Override
    public int deleteUpTo(long eventId) {
        return em.createQuery("delete from ArchivedEvent e where e.id <= :id").setParameter("id", eventId).executeUpdate();
    }

    /**
     * Takes the dispatch lease for {@code holder} until {@code now + length}, if nobody else holds it or
     * their lease has run out. One conditional update, committed at once: of two nodes asking together,
     * exactly one gets it.
     */
    public boolean takeDispatchLease(String holder, Instant now, Duration length) {
        return em.createQuery("update DispatchLease l set l.holder = :holder, l.expiresAt = :until"
                        + " where l.name = :name and (l.expiresAt is null or l.expiresAt < :now or l.holder = :holder)")
                .setParameter("holder", holder).setParameter("until", now.plus(length))
                .setParameter("name", DispatchLease.DISPATCH).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Gives the lease back, if {@code holder} still has it. */
    public void releaseDispatchLease(String holder) {
        em.createQuery("update DispatchLease l set l.holder = null, l.expiresAt = null"
                        + " where l.name = :name and l.holder = :holder")
                .setParameter("name", DispatchLease.DISPATCH).setParameter("holder", holder).executeUpdate();
    }

    /** Events waiting for at least one adapter, and the oldest of them. */
    public Backlog backlog() {
        long count = em.createQuery("select count(e) from ArchivedEvent e", Long.class).getSingleResult();
        Instant oldest = em.createQuery("select min(e.receivedAt) from ArchivedEvent e", Instant.class).getSingleResult();
        return new Backlog(count, oldest);
    }

    public List<AdapterProgress> adapters() {
        return em.createQuery("select p from AdapterProgress p order by p.adapterName", AdapterProgress.class)
                .getResultList();
    }

    /** @param oldestReceivedAt null when the backlog is empty */
    public record Backlog(long events, Instant oldestReceivedAt) {
    }

    private AdapterProgress progress(String adapter) {
        AdapterProgress progress = em.find(AdapterProgress.class, adapter);
        if (progress == null) {
            progress = new AdapterProgress(adapter);
            em.persist(progress);
        }
        return progress;
    }
}
