package org.parley.compliance.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.parley.compliance.domain.ArchivePosition;
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
                .setParameter("id", event.id())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (known) {
            return false;
        }
        em.persist(new ArchivedEvent(event, clock.instant()));
        return true;
    }

    /**
     * Stores a batch of events received in one message, each once: one query finds those already stored (a batch
     * relayed again, or an event repeated within it), the others are inserted. In the caller's transaction.
     *
     * @return how many were new
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int storeAll(List<ComplianceEvent> events) {
        if (events.size() == 1) {
            return store(events.get(0)) ? 1 : 0;
        }
        Set<String> known = new HashSet<>(em.createQuery(
                        "select e.eventId from ArchivedEvent e where e.eventId in :ids", String.class)
                .setParameter("ids", events.stream().map(ComplianceEvent::id).toList())
                .getResultList());
        int stored = 0;
        Instant now = clock.instant();
        for (ComplianceEvent event : events) {
            if (known.add(event.id())) {
                em.persist(new ArchivedEvent(event, now));
                stored++;
            }
        }
        return stored;
    }

    /**
     * Places up to {@code limit} stored events without a delivery round, the oldest first, in the next
     * round. Why this keeps every event (ArchivePosition has the rest):
     * <ul>
     * <li>The round counter's row is updated first, so its lock is held to the commit: two ordering
     * transactions (which the dispatch lease already keeps apart) run one after the other, and each
     * round is higher than every round given before it.</li>
     * <li>The UPDATE sees only committed events (its statement's snapshot, read committed on H2 and
     * PostgreSQL). An event whose storing transaction commits later keeps its NULL round and gets a
     * later, higher round, so it lands after every adapter's position instead of below it.</li>
     * <li>Once this commits, the events of this round and of every earlier one are fixed and visible:
     * an adapter reading in (round, id) order never passes an event it could see later.</li>
     * </ul>
     * The message-driven beans' inserts are not touched: no lock or statement is added to the ingest.
     */
    @Override
    public int order(int limit) {
        em.createNativeQuery("UPDATE compliance_delivery_round SET last_round = last_round + 1"
                        + " WHERE counter_name = 'delivery'")
                .executeUpdate();
        long round = ((Number) em.createNativeQuery(
                                "SELECT last_round FROM compliance_delivery_round" + " WHERE counter_name = 'delivery'")
                        .getSingleResult())
                .longValue();
        // Native: a row limit in a subquery is beyond JPQL; standard SQL that H2 and PostgreSQL both run.
        return em.createNativeQuery("UPDATE compliance_event SET delivery_round = ?1 WHERE delivery_round IS NULL"
                        + " AND id IN (SELECT id FROM compliance_event WHERE delivery_round IS NULL"
                        + " ORDER BY id FETCH FIRST ?2 ROWS ONLY)")
                .setParameter(1, round)
                .setParameter(2, limit)
                .executeUpdate();
    }

    /** The rest of the position's round, then the later rounds: two index range reads on (round, id). */
    @Override
    public List<ArchivedRecord> next(ArchivePosition position, int limit) {
        List<ArchivedEvent> events = new ArrayList<>(em.createQuery(
                        "select e from ArchivedEvent e"
                                + " where e.deliveryRound = :round and e.id > :id order by e.id",
                        ArchivedEvent.class)
                .setParameter("round", position.round())
                .setParameter("id", position.id())
                .setMaxResults(limit)
                .getResultList());
        if (events.size() < limit) {
            events.addAll(em.createQuery(
                            "select e from ArchivedEvent e where e.deliveryRound > :round"
                                    + " order by e.deliveryRound, e.id",
                            ArchivedEvent.class)
                    .setParameter("round", position.round())
                    .setMaxResults(limit - events.size())
                    .getResultList());
        }
        return events.stream().map(JpaComplianceArchive::record).toList();
    }

    /**
     * Every stored event with an id above {@code afterId}, in id order, whether or not it has a delivery
     * round yet: what the store holds, for inspection (the delivery reads {@link #next}).
     */
    public List<ArchivedRecord> after(long afterId, int limit) {
        return em.createQuery("select e from ArchivedEvent e where e.id > :after order by e.id", ArchivedEvent.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultStream()
                .map(JpaComplianceArchive::record)
                .toList();
    }

    @Override
    public ArchivePosition progressOf(String adapter) {
        AdapterProgress progress = em.find(AdapterProgress.class, adapter);
        return progress == null ? ArchivePosition.START : progress.position();
    }

    @Override
    public void delivered(String adapter, ArchivePosition upTo, int count) {
        progress(adapter).delivered(upTo, count, clock.instant());
    }

    @Override
    public void failed(String adapter, String error) {
        progress(adapter).failed(error, clock.instant());
    }

    @Override
    public int deleteUpTo(ArchivePosition position) {
        return em.createQuery("delete from ArchivedEvent e where e.deliveryRound < :round"
                        + " or (e.deliveryRound = :round and e.id <= :id)")
                .setParameter("round", position.round())
                .setParameter("id", position.id())
                .executeUpdate();
    }

    /**
     * Takes the dispatch lease for {@code holder} until {@code now + length}, if nobody else holds it or
     * their lease has run out. One conditional update, committed at once: of two nodes asking together,
     * exactly one gets it.
     */
    public boolean takeDispatchLease(String holder, Instant now, Duration length) {
        return em.createQuery(
                                "update DispatchLease l set l.holder = :holder, l.expiresAt = :until"
                                        + " where l.name = :name and (l.expiresAt is null or l.expiresAt < :now or l.holder = :holder)")
                        .setParameter("holder", holder)
                        .setParameter("until", now.plus(length))
                        .setParameter("name", DispatchLease.DISPATCH)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    /** Gives the lease back, if {@code holder} still has it. */
    public void releaseDispatchLease(String holder) {
        em.createQuery("update DispatchLease l set l.holder = null, l.expiresAt = null"
                        + " where l.name = :name and l.holder = :holder")
                .setParameter("name", DispatchLease.DISPATCH)
                .setParameter("holder", holder)
                .executeUpdate();
    }

    /** Events waiting for at least one adapter, and the oldest of them. */
    public Backlog backlog() {
        long count = em.createQuery("select count(e) from ArchivedEvent e", Long.class)
                .getSingleResult();
        Instant oldest = em.createQuery("select min(e.receivedAt) from ArchivedEvent e", Instant.class)
                .getSingleResult();
        return new Backlog(count, oldest);
    }

    public List<AdapterProgress> adapters() {
        return em.createQuery("select p from AdapterProgress p order by p.adapterName", AdapterProgress.class)
                .getResultList();
    }

    /** @param oldestReceivedAt null when the backlog is empty */
    public record Backlog(long events, Instant oldestReceivedAt) {}

    private static ArchivedRecord record(ArchivedEvent event) {
        return new ArchivedRecord(event.id(), event.deliveryRound(), event.event());
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
