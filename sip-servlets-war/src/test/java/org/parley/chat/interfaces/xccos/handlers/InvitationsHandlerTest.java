package org.parley.chat.interfaces.xccos.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE;
import static org.parley.chat.interfaces.xccos.Fixtures.ALICE_CLIENT;
import static org.parley.chat.interfaces.xccos.Fixtures.BOB;
import static org.parley.chat.interfaces.xccos.Fixtures.CAROL;
import static org.parley.chat.interfaces.xccos.Fixtures.REF;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_A;
import static org.parley.chat.interfaces.xccos.Fixtures.ROOM_B;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.parley.chat.application.InvitationService;
import org.parley.chat.application.dto.InvitationView;
import org.parley.xccos.Command;
import org.parley.xccos.DataItem.InvitationInfo;
import org.parley.xccos.Reply;
import org.parley.xccos.Result;

@ExtendWith(MockitoExtension.class)
class InvitationsHandlerTest {

    private static final Instant T1 = Instant.parse("2024-05-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T10:00:00Z");

    @Mock
    InvitationService invitations;

    private final InvitationsHandler handler = new InvitationsHandler();

    @BeforeEach
    void wire() {
        handler.invitations = invitations;
    }

    @Test
    void handlesGetInvitationsCommands() {
        assertThat(handler.commandType()).isEqualTo(Command.GetInvitations.class);
    }

    /**
     * The client's inviteId goes to the service as "after this id", for the user the identity step
     * established; each invitation becomes an inv. Handing them over settles nothing: the user's other
     * clients, and this one after a lost reply, get them too (they are settled when the user enters the room).
     */
    @Test
    void listsTheInvitationsAfterTheGivenIdWithoutSettlingThem() {
        when(invitations.pending(ALICE, 5))
                .thenReturn(List.of(
                        new InvitationView(6, ROOM_A, "Dev Room", ALICE, BOB, T1, false),
                        new InvitationView(9, ROOM_B, "Ops", ALICE, CAROL, T2, false)));

        var out = handler.handle(new Command.GetInvitations(REF, 5, "contoso.com"), ALICE_CLIENT);

        assertThat(out)
                .containsExactly(new Reply(
                        "rpl:getinv",
                        REF,
                        Result.OK,
                        List.of(
                                new InvitationInfo(6, ROOM_A, "Dev Room", BOB, T1),
                                new InvitationInfo(9, ROOM_B, "Ops", CAROL, T2))));
        verify(invitations).pending(ALICE, 5);
        verifyNoMoreInteractions(invitations);
    }

    /** SIPE sends inviteId="1" and ignores the reply, but it must be a success even with nothing pending. */
    @Test
    void nothingPendingIsAnEmptySuccessAndMarksNothing() {
        when(invitations.pending(ALICE, 1)).thenReturn(List.of());

        var out = handler.handle(new Command.GetInvitations(REF, 1, "contoso.com"), ALICE_CLIENT);

        assertThat(out).containsExactly(new Reply("rpl:getinv", REF, Result.OK, List.of()));
        verify(invitations, never()).markSeen(anyString(), anyLong());
    }
}
