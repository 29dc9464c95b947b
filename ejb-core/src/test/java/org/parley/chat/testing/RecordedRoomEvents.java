package org.parley.chat.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.PostRoad;
import org.parley.chat.application.events.RoomChange;
import org.parley.chat.application.events.RoomEventPublisher;

/** What the services tell the chat nodes: posts on the road, access and room changes on the room events topic. */
public final class RecordedRoomEvents implements RoomEventPublisher, PostRoad {

    public final List<MessageView> posts = new CopyOnWriteArrayList<>();
    public final List<AccessChange> accessChanges = new CopyOnWriteArrayList<>();
    public final List<RoomChange> roomChanges = new CopyOnWriteArrayList<>();

    @Override
    public void publish(MessageView post) {
        posts.add(post);
    }

    @Override
    public void subscribe(Consumer<MessageView> subscriber) {
        throw new UnsupportedOperationException("the services only publish");
    }

    @Override
    public void accessChanged(AccessChange change) {
        accessChanges.add(change);
    }

    @Override
    public void roomChanged(RoomChange change) {
        roomChanges.add(change);
    }
}
