package org.parley.chat.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.chat.application.events.AccessChange;
import org.parley.chat.domain.model.category.CategoryRules;
import org.parley.chat.domain.model.room.Room;

/**
 * The rules of each category ({@link CategoryRules}: who may be in its rooms, its switches) as the store said when
 * last asked, by the category's key: every post judged its room by them, and reading them took three statements
 * (the category, its allowed and its denied members) per category and batch. They change only when an administrator
 * changes the category, and every such change goes through {@link AccessChanges} as an {@link AccessChange} of the
 * category (or of everyone, an import): {@link Callers} hands it here, at once and at the transaction's end on this
 * node, and when it reaches the other nodes of a pool on the room events topic. As for callers, nothing is
 * remembered while a change is under way, nor a look-up that began before one, so a revoked member is refused on
 * the very next post. A room's move needs no forgetting: the room's row names its category, and is read each time.
 */
class CategoryRulesCache {

    private final Map<Long, CategoryRules> remembered = new ConcurrentHashMap<>();
    /** Moves on every forgetting: a look-up that began before it is not remembered. */
    private final AtomicLong generation = new AtomicLong();
    /** Category changes begun and not yet ended: nothing is remembered meanwhile. */
    private final AtomicInteger changesUnderWay = new AtomicInteger();

    /** Has the room judge by its category's rules as remembered, reading and remembering them when they are not. */
    Room judged(Room room) {
        Long category = room.categoryId();
        if (category == null) {
            // A room not yet stored: its category is at hand.
            return room;
        }
        CategoryRules known = remembered.get(category);
        if (known == null) {
            long asked = generation.get();
            known = room.category().rules();
            if (changesUnderWay.get() == 0 && generation.get() == asked) {
                remembered.put(category, known);
                // A forgetting between the check and the put would otherwise leave the old rules behind.
                if (changesUnderWay.get() != 0 || generation.get() != asked) {
                    remembered.remove(category, known);
                }
            }
        }
        room.judgeBy(known);
        return room;
    }

    void changeBegun(AccessChange change) {
        if (concernsCategories(change)) {
            changesUnderWay.incrementAndGet();
            forget(change);
        }
    }

    void changeEnded(AccessChange change) {
        if (concernsCategories(change)) {
            forget(change);
            changesUnderWay.decrementAndGet();
        }
    }

    /** Forgets every category's rules: changes to them are rare, and the next post reads them again. */
    void forget(AccessChange change) {
        if (concernsCategories(change)) {
            generation.incrementAndGet();
            remembered.clear();
        }
    }

    /** A category's change, or one of everyone (an import); a room's or a user's leave every category as it was. */
    private static boolean concernsCategories(AccessChange change) {
        return change.categoryUri() != null || (change.roomUri() == null && change.userUri() == null);
    }
}
