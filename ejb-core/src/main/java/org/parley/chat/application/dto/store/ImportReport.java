package org.parley.chat.application.dto.store;

import java.util.List;

/**
 * What an import added, changed and kept, or (dry run) would have.
 *
 * @param mode    add or update (see {@link ImportOptions})
 * @param updated how many things the store had were changed to what the document says (mode update)
 * @param kept    things of the document the store already had, left as they were
 * @param changes the first {@value #MAX_CHANGES} changes in words ("room Dev: topic, members")
 */
public record ImportReport(
        String mode,
        boolean dryRun,
        int policies,
        int users,
        int groups,
        int addIns,
        int categories,
        int rooms,
        long messages,
        int files,
        int updated,
        int kept,
        List<String> changes) {

    public static final int MAX_CHANGES = 200;

    public ImportReport {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
