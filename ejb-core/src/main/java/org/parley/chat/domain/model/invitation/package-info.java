/** Invitations of users to rooms. */
package org.parley.chat.domain.model.invitation;
