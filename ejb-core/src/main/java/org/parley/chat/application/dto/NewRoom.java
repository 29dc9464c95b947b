package org.parley.chat.application.dto;

import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;

/** A room to create; it starts with invitations INHERIT, no topic, and its creator as manager. */
public record NewRoom(String name, String description, String categoryUri, Privacy privacy, RoomType type) {
}
