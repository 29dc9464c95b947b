package org.parley.chat.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.AfterCommit;
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
 * read; and make {@link Callers} forget who the concerned callers are. The services call it after changing a room,
 * a category, a policy, an administrator flag or a group; for a policy, an administrator flag or a group whether
 * the change grants or revokes, since who a caller is changes either way.
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

    @Inject
    AfterCommit afterCommit;

    public AccessChanges() {}

    /** Outside a container: the change's end is the call's end. */
    public AccessChanges(Callers callers, FollowRepository follows, RoomEventPublisher events) {
        this(callers, follows, events, AfterCommit.immediate());
    }

    public AccessChanges(
            Callers callers, FollowRepository follows, RoomEventPublisher events, AfterCommit afterCommit) {
        this.callers = callers;
        this.follows = follows;
        this.events = events;
        this.afterCommit = afterCommit;
    }

    /** The room's privacy, role lists, category or disabled flag changed. */
    public void room(Room room) {
        changed(AccessChange.ofRoom(room.uri().toString()), () -> prune(follows.ofRoom(room)));
    }

    /** The room is being deleted: its follows go with it, so there is nothing to prune; its participants must leave. */
    public void roomDeleted(Room room) {
        changed(AccessChange.ofRoom(room.uri().toString()), () -> {});
    }

    /** The category's member lists or settings changed: every room in it. */
    public void category(Category category) {
        changed(AccessChange.ofCategory(category.uri().toString()), () -> prune(follows.inCategory(category)));
    }

    /** The user's own policy, administrator flag or groups changed. */
    public void user(SipUri user) {
        changed(AccessChange.ofUser(user.value()), () -> prune(follows.of(user)));
    }

    /** Something many users share changed (a shared policy, a deleted group, an import). */
    public void everyone() {
        changed(AccessChange.ofEveryone(), () -> {});
    }

    /**
     * This node's memory of callers forgets what the change concerns before anything is pruned against the new
     * state, and again when the transaction ends; the other nodes forget on the event.
     */
    private void changed(AccessChange change, Runnable prune) {
        callers.changeBegun(change);
        try {
            afterCommit.whenComplete(committed -> callers.changeEnded(change));
        } catch (RuntimeException notRegistered) {
            callers.changeEnded(change);
            throw notRegistered;
        }
        prune.run();
        events.accessChanged(change);
    }

    private void prune(List<Follow> candidates) {
        for (Follow follow : candidates) {
            if (!callers.mayRead(follow.user().value(), follow.room())) {
                follows.remove(follow);
            }
        }
    }
}
