package org.parley.chat.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.events.AccessChange;
import org.parley.chat.application.events.RoomEventPublisher;

/** What the services publish to the chat nodes, as the JMS publisher would send it. */
public final class RecordedRoomEvents implements RoomEventPublisher {

    public final List<MessageView> posts = new CopyOnWriteArrayList<>();
    public final List<AccessChange> accessChanges = new CopyOnWriteArrayList<>();

    @Override
    public void posted(MessageView message) {
        posts.add(message);
    }

    @Override
    public void accessChanged(AccessChange change) {
        accessChanges.add(change);
    }
}
