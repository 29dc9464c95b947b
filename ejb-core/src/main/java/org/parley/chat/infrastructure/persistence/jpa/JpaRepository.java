package org.parley.chat.infrastructure.persistence.jpa;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.parley.chat.domain.shared.Name;

/**
 * What every repository of the chat store does the same way: the chat persistence unit's entity manager (the
 * container's, or the one a test hands in), storing a new entity and finding one by its id or by a
 * query on a unique key.
 *
 * @param <T> the aggregate root the repository keeps
 */
public abstract class JpaRepository<T> {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    private final Class<T> type;

    /** For the container, which injects the entity manager. */
    protected JpaRepository(Class<T> type) {
        this.type = type;
    }

    /** For tests and tools outside the container. */
    protected JpaRepository(Class<T> type, EntityManager em) {
        this.type = type;
        this.em = em;
    }

    public void add(T entity) {
        em.persist(entity);
    }

    protected Optional<T> byId(Object id) {
        return Optional.ofNullable(em.find(type, id));
    }

    /** The entity by its GUID, the stable id its URI carries. */
    protected Optional<T> byGuid(UUID guid) {
        return unique("select e from " + entityName() + " e where e.guid = :guid", Map.of("guid", guid));
    }

    /** The entity by its {@link Name}: names are unique on the server ignoring case, and indexed by their key. */
    protected Optional<T> byName(String name) {
        return unique("select e from " + entityName() + " e where e.name.key = :key", Map.of("key", Name.keyOf(name)));
    }

    private String entityName() {
        return em.getMetamodel().entity(type).getName();
    }

    /** The entity a query on a unique key finds, or none; {@code parameters} by their names in {@code jpql}. */
    protected Optional<T> unique(String jpql, Map<String, ?> parameters) {
        TypedQuery<T> query = em.createQuery(jpql, type);
        parameters.forEach(query::setParameter);
        return query.getResultStream().findFirst();
    }
}
