package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.invitation.Invitation;
import org.parley.chat.domain.model.invitation.InvitationRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

@ApplicationScoped
public class JpaInvitationRepository implements InvitationRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaInvitationRepository() {
    }

    public JpaInvitationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Invitation> find(long id) {
        return Optional.ofNullable(em.find(Invitation.class, id));
    }

    @Override
    public Optional<Invitation> findPending(Room room, SipUri invitee) {
        return em.createQuery("select i from Invitation i where i.room = :room and i.invitee = :invitee"
                        + " and i.seen = false", Invitation.class)
                .setParameter("room", room)
                .setParameter("invitee", invitee)
                .getResultStream().findFirst();
    }

    @Override
    public List<Invitation> pendingFor(SipUri invitee, long afterId) {
        return em.createQuery("select i from Invitation i join fetch i.room where i.invitee = :invitee"
                        + " and i.seen = false and i.id > :after order by i.id", Invitation.class)
                .setParameter("invitee", invitee)
                .setParameter("after", afterId)
                .getResultList();
    }

    @Override
    public void add(Invitation invitation) {
        em.persist(invitation);
    }
}
