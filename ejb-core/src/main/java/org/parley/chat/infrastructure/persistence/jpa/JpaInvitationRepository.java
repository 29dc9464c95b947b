package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.invitation.Invitation;
import org.parley.chat.domain.model.invitation.InvitationRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

@ApplicationScoped
public class JpaInvitationRepository extends JpaRepository<Invitation> implements InvitationRepository {

    public JpaInvitationRepository() {
        super(Invitation.class);
    }

    public JpaInvitationRepository(EntityManager em) {
        super(Invitation.class, em);
    }

    @Override
    public Optional<Invitation> find(long id) {
        return byId(id);
    }

    @Override
    public Optional<Invitation> findPending(Room room, SipUri invitee) {
        return unique(
                "select i from Invitation i where i.room = :room and i.invitee = :invitee" + " and i.seen = false",
                Map.of("room", room, "invitee", invitee));
    }

    @Override
    public List<Invitation> pendingFor(SipUri invitee, long afterId) {
        return em.createQuery(
                        "select i from Invitation i join fetch i.room where i.invitee = :invitee"
                                + " and i.seen = false and i.id > :after order by i.id",
                        Invitation.class)
                .setParameter("invitee", invitee)
                .setParameter("after", afterId)
                .getResultList();
    }
}
