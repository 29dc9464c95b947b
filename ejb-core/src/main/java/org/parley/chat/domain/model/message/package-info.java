/** A room's history: its messages, the filters that select them, and the record of every rewrite of it. */
package org.parley.chat.domain.model.message;
