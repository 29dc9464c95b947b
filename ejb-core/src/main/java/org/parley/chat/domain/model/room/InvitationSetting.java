package org.parley.chat.domain.model.room;

/**
 * A room's invitation switch, as in the product. The category's switch is a ceiling: a room whose
 * category disallows invitations sends none whatever it says here, so ON and INHERIT only differ in
 * intent (ON keeps them on if the category is switched back on; the stored value is what clients see).
 */
public enum InvitationSetting {
    INHERIT,
    ON,
    OFF
}
