package org.parley.chat.interfaces.xccos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.occupancy.OccupancyNotices;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.Participant;

/**
 * This node's side of {@link RoomOccupancy}: who enters and leaves a room here reaches the room's fan-out (ntc:join
 * and ntc:part to the others, here and through the pool) and the followers outside the room (a session in the room
 * gets no new-content notice of it). Registered at start by {@code PostRoadSubscriptions}.
 */
@ApplicationScoped
public class OccupancyNoticesHere implements OccupancyNotices {

    @Inject
    RoomFanOut fanOut;

    @Inject
    FollowersOutside followersOutside;

    public OccupancyNoticesHere() {}

    /** Wired by hand, for tests outside a container. */
    public OccupancyNoticesHere(RoomFanOut fanOut, FollowersOutside followersOutside) {
        this.fanOut = fanOut;
        this.followersOutside = followersOutside;
    }

    @Override
    public void entering(String roomUri, long lastSeq) {
        fanOut.storedUpTo(roomUri, lastSeq);
    }

    @Override
    public void entered(String roomUri, Participant participant, boolean manager) {
        followersOutside.entered(roomUri, participant.sessionId());
        fanOut.entered(roomUri, participant, manager);
    }

    /** A session that ended is no longer signed in, so the followers outside do not take it back. */
    @Override
    public void left(String roomUri, Participant participant) {
        fanOut.left(roomUri, participant);
        followersOutside.left(roomUri, participant.userUri(), participant.sessionId());
    }
}
