package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.addin.AddIn;
import org.parley.chat.domain.model.addin.AddInRepository;

@ApplicationScoped
public class JpaAddInRepository extends JpaRepository<AddIn> implements AddInRepository {

    public JpaAddInRepository() {
        super(AddIn.class);
    }

    public JpaAddInRepository(EntityManager em) {
        super(AddIn.class, em);
    }

    @Override
    public Optional<AddIn> findByName(String name) {
        return byName(name);
    }

    @Override
    public List<AddIn> all() {
        return em.createQuery("select a from AddIn a order by a.name.key", AddIn.class)
                .getResultList();
    }

    @Override
    public void remove(AddIn addIn) {
        em.createQuery("update Room r set r.addIn = null where r.addIn = :addIn")
                .setParameter("addIn", addIn)
                .executeUpdate();
        em.remove(addIn);
    }
}
