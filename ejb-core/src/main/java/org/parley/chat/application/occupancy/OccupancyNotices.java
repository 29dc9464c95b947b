package org.parley.chat.application.occupancy;

import org.parley.chat.application.presence.Participant;

/**
 * What {@link RoomOccupancy} tells the node's delivery when someone enters or leaves a room here: the fan-out's
 * join and part notices to the others (and, through it, the pool), and the followers outside the room. A port,
 * because that delivery lives in the chat WAR, whose beans the EJB module cannot inject: the WAR registers its
 * implementation once at start ({@link RoomOccupancy#tell}), as it subscribes to the post road. Called on the
 * entering or leaving session's thread; implementations only queue work, never block.
 */
public interface OccupancyNotices {

    /**
     * A session of this node is about to enter the room, whose posts the store has up to {@code lastSeq}; called
     * before it is in presence, so the room's line of posts starts there and none stored meanwhile is skipped.
     */
    void entering(String roomUri, long lastSeq);

    /** A session of this node entered the room (it was not in it): the others are told, with its role. */
    void entered(String roomUri, Participant participant, boolean manager);

    /** A session of this node left the room, by leaving it or with its end: those who stay are told. */
    void left(String roomUri, Participant participant);
}
