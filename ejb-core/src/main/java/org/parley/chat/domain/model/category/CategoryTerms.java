package org.parley.chat.domain.model.category;

import org.parley.chat.domain.model.user.Subject;

/**
 * What a room asks of its category: who may be in it and what the category switches. The category answers from its
 * own state; {@link CategoryRules} answers the same from a copy kept in memory, so a room can ask either alike.
 */
public interface CategoryTerms {

    boolean permitsMember(Subject subject);

    boolean invitationsAllowed();

    boolean fileUploadAllowed();

    boolean chatHistoryEnabled();
}
