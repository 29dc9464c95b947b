package org.parley.chat.application.directory;

import java.util.Set;

/**
 * A user as the enterprise directory has it.
 *
 * @param distinguishedName the entry's name, in {@link org.parley.chat.domain.model.user.Principal#normalDn} form
 * @param enabled           whether the entry is an enabled user (the directory's user filter): a disabled user cannot
 *                          sign in
 * @param groupKeys         the name keys of every directory group the user is in, directly or through nested groups:
 *                          {@code group:<name>} principals match them as they match Parley's own groups
 * @param units             the entries above the user's, in normal form: what {@code ou:} principals match
 * @param administrator     whether the user is in the directory's group of Persistent Chat administrators
 */
public record DirectoryEntry(
        String distinguishedName, boolean enabled, Set<String> groupKeys, Set<String> units, boolean administrator) {

    public DirectoryEntry {
        groupKeys = Set.copyOf(groupKeys);
        units = Set.copyOf(units);
    }
}
