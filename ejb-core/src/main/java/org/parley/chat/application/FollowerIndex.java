package org.parley.chat.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.chat.domain.model.room.RoomUri;

/**
 * Who follows each room, kept on this node so that a post costs no follower query: read from the store once per
 * room, forgotten when a follow of the room starts or ends ({@link FollowService}), after the commit. It may hold
 * a follower whose follow an access change has ended meanwhile: the notice asks the read rule of those due one
 * anyway, and whoever may not read is not told. [A pool forgets the room on every node: #13.]
 */
@ApplicationScoped
public class FollowerIndex {

    private final Map<String, Set<String>> byRoom = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Moves on every change, before its room is forgotten: a load that began before it is not kept. */
    private final AtomicLong changes = new AtomicLong();

    /** @param listener told the room's URI whenever a follow of it started or ended (after the commit) */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** @param load reads the room's followers from the store, when this node does not know them */
    public Set<String> followers(String roomUri, Function<String, Collection<String>> load) {
        String key = key(roomUri);
        Set<String> known = byRoom.get(key);
        if (known != null) {
            return known;
        }
        long changesBefore = changes.get();
        Set<String> loaded = Set.copyOf(load.apply(roomUri));
        byRoom.putIfAbsent(key, loaded);
        if (changes.get() != changesBefore) {
            // A change during the load may have forgotten the key before it was put: what was read may be the old
            // followers, so it is not kept and the next post loads again.
            byRoom.remove(key, loaded);
        }
        return loaded;
    }

    /** A follow of the room started or ended (committed). */
    public void changed(String roomUri) {
        changes.incrementAndGet();
        byRoom.remove(key(roomUri));
        listeners.forEach(listener -> listener.accept(roomUri));
    }

    private static String key(String roomUri) {
        return RoomUri.parse(roomUri).toString();
    }
}
