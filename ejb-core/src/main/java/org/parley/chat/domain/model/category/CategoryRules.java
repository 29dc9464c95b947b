package org.parley.chat.domain.model.category;

import java.util.Set;

import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.Subject;

/**
 * What a category decides for every use of its rooms, as a value: who may be in them (allowed members minus denied
 * members: deny wins) and the switches they show (invitations, files, history). A copy, so that it can be kept in
 * memory between transactions ({@code CategoryRulesCache}) while the category itself belongs to one.
 */
public record CategoryRules(
        Set<Principal> allowedMembers,
        Set<Principal> deniedMembers,
        boolean invitationsAllowed,
        boolean fileUploadAllowed,
        boolean chatHistoryEnabled)
        implements CategoryTerms {

    public CategoryRules {
        allowedMembers = Set.copyOf(allowedMembers);
        deniedMembers = Set.copyOf(deniedMembers);
    }

    /** As {@link Category#permitsMember}. */
    @Override
    public boolean permitsMember(Subject subject) {
        return !subject.matchesAny(deniedMembers) && subject.matchesAny(allowedMembers);
    }
}
