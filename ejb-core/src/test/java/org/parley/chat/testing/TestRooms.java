package org.parley.chat.testing;

import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.room.InvitationSetting;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;

/** Rooms as the store answers them, for the tests of services that take a room from a stubbed repository. */
public final class TestRooms {

    private TestRooms() {}

    /** "Dev Room", open, in the root category, invitations, files and logging on, its last post {@code lastSeq}. */
    public static RoomView devRoom(String uri, long lastSeq) {
        return new RoomView(
                uri,
                "Dev Room",
                "About it",
                null,
                Privacy.OPEN,
                RoomType.NORMAL,
                InvitationSetting.INHERIT,
                false,
                "ma-cat://contoso.com/00000000-0000-4000-8000-000000000001",
                "Root",
                true,
                true,
                true,
                lastSeq,
                1,
                null,
                null);
    }
}
