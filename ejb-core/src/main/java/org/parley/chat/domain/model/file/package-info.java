/**
 * Files posted to rooms: their records, their announcements in the room, and the one-use tokens XCCOS clients
 * transfer them with.
 */
package org.parley.chat.domain.model.file;
