/** Follows: the rooms a user keeps an eye on without being in them. */
package org.parley.chat.domain.model.follow;
