package org.parley.chat.application.events;

/**
 * Tells every chat node that who may read a room may have changed, so that each evicts the participants connected
 * to it who may no longer read, and that what a room's people are shown of it changed, so that each tells them.
 * Called inside the change's transaction: an implementation must take part in it, so that a change that rolls back
 * is announced to nobody. Posts take the {@link PostRoad}, not this.
 */
public interface RoomEventPublisher {

    /**
     * Who may read some room may have changed (see {@link AccessChange}); published in the change's transaction,
     * so the nodes re-check against the committed state.
     */
    void accessChanged(AccessChange change);

    /**
     * What the people in a room are shown of it changed (see {@link RoomChange}); published in the change's
     * transaction, after any access change of it, so the nodes evict first and tell those who stay.
     */
    void roomChanged(RoomChange change);
}
