package org.parley.chat.interfaces.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.PostRoad;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventSubscribers;
import org.parley.chat.application.occupancy.RoomOccupancy;
import org.parley.chat.application.presence.PoolPresence;
import org.parley.chat.interfaces.xccos.NewContentNotices;
import org.parley.chat.interfaces.xccos.OccupancyNoticesHere;
import org.parley.chat.interfaces.xccos.RoomAccessReview;
import org.parley.chat.interfaces.xccos.RoomChangeNotices;
import org.parley.chat.interfaces.xccos.RoomFanOut;

/**
 * This node's end of the one road: every stored post, whoever made it and on whichever node, reaches the room's
 * participants connected here through the fan-out, and the followers who are not in the room get their
 * new-content notice; who enters and leaves rooms here, through whichever transport, reaches the fan-out and the
 * followers outside ({@link RoomOccupancy}); and who enters and leaves rooms on the other nodes of a pool reaches
 * the participants here. The room events too: an access change makes this node evict the participants connected
 * here who may no longer read ({@link RoomAccessReview}), a room change tells the participants here the room as it
 * now is ({@link RoomChangeNotices}). Subscribed once, when the chat service starts.
 */
@ApplicationScoped
public class PostRoadSubscriptions {

    @Inject
    PostRoad road;

    @Inject
    RoomFanOut fanOut;

    @Inject
    NewContentNotices newContent;

    @Inject
    PoolPresence pool;

    @Inject
    RoomOccupancy occupancy;

    @Inject
    OccupancyNoticesHere occupancyNotices;

    @Inject
    RoomEventSubscribers roomEvents;

    @Inject
    RoomAccessReview accessReview;

    @Inject
    RoomChangeNotices roomChangeNotices;

    void subscribe(@Observes @Initialized(ApplicationScoped.class) Object started) {
        road.subscribe(fanOut::posted);
        road.subscribe(newContent::posted);
        pool.watch(fanOut);
        occupancy.tell(occupancyNotices);
        roomEvents.subscribe(new RoomEventSubscribers.Subscriber() {
            @Override
            public void accessChanged(AccessChange change) {
                accessReview.changed(change);
            }

            @Override
            public void roomChanged(RoomChange change) {
                roomChangeNotices.changed(change);
            }
        });
    }
}
