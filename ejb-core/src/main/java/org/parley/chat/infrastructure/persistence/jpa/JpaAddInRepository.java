package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.addin.AddIn;
import org.parley.chat.domain.model.addin.AddInRepository;

@ApplicationScoped
public class JpaAddInRepository implements AddInRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaAddInRepository() {
    }

    public JpaAddInRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<AddIn> findByName(String name) {
        return em.createQuery("select a from AddIn a where a.nameKey = :key", AddIn.class)
                .setParameter("key", AddIn.keyOf(name)).getResultStream().findFirst();
    }

    @Override
    public List<AddIn> all() {
        return em.createQuery("select a from AddIn a order by a.nameKey", AddIn.class).getResultList();
    }

    @Override
    public void add(AddIn addIn) {
        em.persist(addIn);
    }

    @Override
    public void remove(AddIn addIn) {
        em.createQuery("update Room r set r.addIn = null where r.addIn = :addIn").setParameter("addIn", addIn)
                .executeUpdate();
        em.remove(addIn);
    }
}
