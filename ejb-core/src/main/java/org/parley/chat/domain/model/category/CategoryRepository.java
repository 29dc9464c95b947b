package org.parley.chat.domain.model.category;

import java.util.List;
import java.util.Optional;

public interface CategoryRepository {

    Optional<Category> find(CategoryUri uri);

    Optional<Category> findByName(String name);

    boolean nameInUse(String name);

    /** All categories, by name; there are few (tens), so rules over them run in memory. */
    List<Category> all();

    void add(Category category);

    /** Removes a category no room is in; its principal lists go with it. */
    void remove(Category category);

    /** Writes the category's pending changes now, so its {@link Category#version()} is the new one. */
    void store(Category category);
}
