package org.parley.chat.infrastructure.persistence.jpa;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.preference.Preference;
import org.parley.chat.domain.model.preference.PreferenceRepository;
import org.parley.chat.domain.model.user.SipUri;

@ApplicationScoped
public class JpaPreferenceRepository implements PreferenceRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaPreferenceRepository() {
    }

    public JpaPreferenceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Preference> find(SipUri user, String label) {
        return em.createQuery("select p from Preference p where p.user = :user and p.label = :label", Preference.class)
                .setParameter("user", user)
                .setParameter("label", label)
                .getResultStream().findFirst();
    }

    @Override
    public void add(Preference preference) {
        em.persist(preference);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
