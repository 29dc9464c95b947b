package org.parley.chat.domain.model.addin;

import java.util.List;
import java.util.Optional;

public interface AddInRepository {

    Optional<AddIn> findByName(String name);

    /** Every add-in, by name. */
    List<AddIn> all();

    void add(AddIn addIn);

    /** Removes the add-in; the rooms that had it have none afterwards. */
    void remove(AddIn addIn);
}
