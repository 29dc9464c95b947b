package org.parley.chat.application.dto.store;

/**
 * How an import treats what the store already has, and whether it changes anything.
 *
 * @param update false: only add what the store lacks, keep the rest as stored; true: also make what exists as the
 *               document says (settings, lists, flags, retention, add-ins; a room's messages after its last)
 * @param dryRun do all of it, report it, and keep none of it (the transaction is rolled back)
 */
public record ImportOptions(boolean update, boolean dryRun) {

    public static final ImportOptions ADD = new ImportOptions(false, false);

    public String mode() {
        return update ? "update" : "add";
    }
}
