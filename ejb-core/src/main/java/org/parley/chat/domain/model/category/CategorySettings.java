package org.parley.chat.domain.model.category;

/**
 * The editable settings of a category, replaced as a whole.
 *
 * @param invitationsAllowed rooms may send invitations (a room can only narrow this, see InvitationSetting)
 * @param fileUploadAllowed  files may be posted to rooms of the category
 * @param chatHistoryEnabled rooms keep their messages; when off, messages are delivered but not stored
 */
public record CategorySettings(
        String name,
        String description,
        boolean invitationsAllowed,
        boolean fileUploadAllowed,
        boolean chatHistoryEnabled) {}
