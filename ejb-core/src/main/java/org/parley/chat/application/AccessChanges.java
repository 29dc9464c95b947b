package org.parley.chat.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomEventPublisher;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.follow.Follow;
import org.parley.chat.domain.model.follow.FollowRepository;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

/**
 * What every change of who may read a room must do, inside the change's transaction (so against the changed
 * state, and undone with it): end the follows of those who may no longer read, and tell the chat nodes
 * ({@link RoomEventPublisher#accessChanged}) so that they evict the participants online now who may no longer
 * read. The services call it after changing a room, a category, a policy, an administrator flag or a group.
 *
 * <p>A change to a policy many users share (Global, a named policy) or the removal of a group is not pruned
 * here (it could touch every follow in the store): the nodes still evict at once, and a follow is ended the
 * first time a new-content notice finds its user may not read ({@link FollowService#readers}).
 */
@ApplicationScoped
public class AccessChanges {

    @Inject
    Callers callers;

    @Inject
    FollowRepository follows;

    @Inject
    RoomEventPublisher events;

    public AccessChanges() {
    }

    public AccessChanges(Callers callers, FollowRepository follows, RoomEventPublisher events) {
        this.callers = callers;
        this.follows = follows;
        this.events = events;
    }

    /** The room's privacy, role lists, category or disabled flag changed. */
    public void room(Room room) {
        prune(follows.ofRoom(room));
        events.accessChanged(AccessChange.ofRoom(room.uri().toString()));
    }

    /** The category's member lists or settings changed: every room in it. */
    public void category(Category category) {
        prune(follows.inCategory(category));
        events.accessChanged(AccessChange.ofCategory(category.uri().toString()));
    }

    /** The user's own policy, administrator flag or groups changed. */
    public void user(SipUri user) {
        prune(follows.of(user));
        events.accessChanged(AccessChange.ofUser(user.value()));
    }

    /** Something many users share changed (a shared policy, a deleted group). */
    public void everyone() {
        events.accessChanged(AccessChange.ofEveryone());
    }

    private void prune(List<Follow> candidates) {
        for (Follow follow : candidates) {
            if (!callers.mayRead(follow.user().value(), follow.room())) {
                follows.remove(follow);
            }
        }
    }
}
