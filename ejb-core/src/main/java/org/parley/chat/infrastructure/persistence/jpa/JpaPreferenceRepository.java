package org.parley.chat.infrastructure.persistence.jpa;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.preference.Preference;
import org.parley.chat.domain.model.preference.PreferenceRepository;
import org.parley.chat.domain.model.user.SipUri;

@ApplicationScoped
public class JpaPreferenceRepository extends JpaRepository<Preference> implements PreferenceRepository {

    public JpaPreferenceRepository() {
        super(Preference.class);
    }

    public JpaPreferenceRepository(EntityManager em) {
        super(Preference.class, em);
    }

    @Override
    public Optional<Preference> find(SipUri user, String label) {
        return unique(
                "select p from Preference p where p.user = :user and p.label = :label",
                Map.of("user", user, "label", label));
    }

    @Override
    public void flush() {
        em.flush();
    }
}
