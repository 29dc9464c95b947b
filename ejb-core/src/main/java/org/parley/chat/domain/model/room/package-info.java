/**
 * Rooms: their settings, role lists and rules (who may see, join, read, post, manage), and their names on the wire.
 */
package org.parley.chat.domain.model.room;
