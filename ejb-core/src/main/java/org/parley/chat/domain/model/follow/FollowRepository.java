package org.parley.chat.domain.model.follow;

import java.util.List;
import java.util.Optional;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

public interface FollowRepository {

    Optional<Follow> find(SipUri user, Room room);

    /** The user's follows, by room name. */
    List<Follow> of(SipUri user);

    /** The room's follows. */
    List<Follow> ofRoom(Room room);

    /** The follows of every room of the category. */
    List<Follow> inCategory(Category category);

    /** Who follows the room. */
    List<SipUri> followers(Room room);

    void add(Follow follow);

    void remove(Follow follow);
}
