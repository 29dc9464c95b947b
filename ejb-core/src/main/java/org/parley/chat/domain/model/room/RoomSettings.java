package org.parley.chat.domain.model.room;

/** The editable settings of a room, replaced as a whole (what a manager sees and edits). */
public record RoomSettings(
        String name, String description, String topic, Privacy privacy, RoomType type, InvitationSetting invitations) {}
