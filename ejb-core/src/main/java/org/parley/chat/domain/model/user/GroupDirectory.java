package org.parley.chat.domain.model.user;

/** Resolves a user to a {@link Subject}: rules about other users (adding a member) need their groups. */
@FunctionalInterface
public interface GroupDirectory {

    Subject subjectOf(SipUri uri);
}
