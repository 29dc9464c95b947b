package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.chat.testing.ChatAssertions.assertRefused;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.application.dto.FileView;
import org.parley.chat.application.dto.IssuedFileToken;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RedeemedFileToken;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.ChatException.Reason;

/** File transfer tokens on the real mapping: who gets one, and that each is spent exactly once. */
class FileTransferServiceTest {

    private static final String ADMIN = ChatStoreHarness.ADMIN;
    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final String CAROL = "sip:carol@contoso.com";
    private static final String SHA = "a".repeat(64);

    @RegisterExtension
    static final ChatStoreHarness chat = new ChatStoreHarness();

    private static RoomView room(Privacy privacy) {
        return chat.roomInRoot(ALICE, "Files", privacy);
    }

    private static FileView file(RoomView room, String name) {
        return chat.tx(() ->
                chat.files.register(ALICE, room.uri(), new FileDescription(name, 5, SHA, "text/plain", "aa/" + SHA)));
    }

    @Test
    void anUploadTokenNamesTheServiceAndIsRedeemedOnceAsItsUser() {
        RoomView room = room(Privacy.OPEN);
        IssuedFileToken token = chat.tx(() -> chat.transfers.issue(BOB, room.uri(), FileTransfer.UPLOAD, "plan.pdf"));

        assertThat(token.serverUri()).isEqualTo(chat.transferSettings.serverUri());
        assertThat(token.token()).matches("[0-9a-f-]{36}");
        assertThat(token.expiresAt()).isEqualTo(chat.clock.instant().plus(Duration.ofMinutes(5)));
        RedeemedFileToken redeemed = chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.UPLOAD));
        assertThat(redeemed).isEqualTo(new RedeemedFileToken(BOB, room.uri(), "plan.pdf", null));
        assertRefused(() -> chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.UPLOAD)), Reason.NOT_FOUND);
    }

    @Test
    void aDownloadTokenIsForTheNewestFileOfThatName() {
        RoomView room = room(Privacy.OPEN);
        file(room, "notes.txt");
        chat.clock.advance(Duration.ofSeconds(1));
        FileView newer = file(room, "notes.txt");
        IssuedFileToken token =
                chat.tx(() -> chat.transfers.issue(BOB, room.uri(), FileTransfer.DOWNLOAD, "notes.txt"));

        assertThat(chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.DOWNLOAD)))
                .isEqualTo(new RedeemedFileToken(BOB, room.uri(), "notes.txt", newer.id()));
        assertRefused(
                () -> chat.tx(() -> chat.transfers.issue(BOB, room.uri(), FileTransfer.DOWNLOAD, "other.txt")),
                Reason.NOT_FOUND);
    }

    @Test
    void aTokenForTheOtherDirectionIsRefusedAndStaysValid() {
        RoomView room = room(Privacy.OPEN);
        IssuedFileToken token = chat.tx(() -> chat.transfers.issue(ALICE, room.uri(), FileTransfer.UPLOAD, "a.txt"));

        assertRefused(
                () -> chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.DOWNLOAD)), Reason.FORBIDDEN);
        assertThat(chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.UPLOAD))
                        .userUri())
                .isEqualTo(ALICE);
    }

    @Test
    void anExpiredTokenIsRefused() {
        RoomView room = room(Privacy.OPEN);
        IssuedFileToken token = chat.tx(() -> chat.transfers.issue(ALICE, room.uri(), FileTransfer.UPLOAD, "late.txt"));
        chat.clock.advance(Duration.ofMinutes(5));

        assertRefused(() -> chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.UPLOAD)), Reason.NOT_FOUND);
        assertThat(chat.tx(() -> chat.tokenRepository.purgeExpired(chat.clock.instant())))
                .isGreaterThanOrEqualTo(1);
        assertThat(chat.tx(() -> chat.tokenRepository.find(token.token()))).isEmpty();
    }

    @Test
    void onlyThoseWhoMayPostOrReadFilesGetTokens() {
        RoomView closed = room(Privacy.CLOSED);
        file(closed, "board.txt");
        assertRefused(
                () -> chat.tx(() -> chat.transfers.issue(BOB, closed.uri(), FileTransfer.UPLOAD, "x.txt")),
                Reason.FORBIDDEN);
        assertRefused(
                () -> chat.tx(() -> chat.transfers.issue(BOB, closed.uri(), FileTransfer.DOWNLOAD, "board.txt")),
                Reason.FORBIDDEN);

        CategoryView noFiles = chat.tx(() -> chat.categories.createCategory(
                ADMIN,
                new NewCategory(
                        new CategorySettings("No files " + UUID.randomUUID(), null, true, false, true),
                        Set.of("domain:contoso.com"),
                        Set.of(),
                        Set.of(ALICE))));
        RoomView plain = chat.tx(() -> chat.rooms.createRoom(
                ALICE, new NewRoom("Plain " + UUID.randomUUID(), null, noFiles.uri(), Privacy.OPEN, RoomType.NORMAL)));
        assertRefused(
                () -> chat.tx(() -> chat.transfers.issue(ALICE, plain.uri(), FileTransfer.UPLOAD, "x.txt")),
                Reason.FORBIDDEN);

        RoomView open = room(Privacy.OPEN);
        chat.tx(() -> chat.policies.definePolicy(ADMIN, "NoChat-" + open.name().substring(6, 14), false));
        chat.tx(() ->
                chat.policies.assignPolicy(ADMIN, CAROL, "NoChat-" + open.name().substring(6, 14)));
        try {
            assertRefused(
                    () -> chat.tx(() -> chat.transfers.issue(CAROL, open.uri(), FileTransfer.UPLOAD, "x.txt")),
                    Reason.DISABLED_BY_POLICY);
        } finally {
            chat.tx(() -> chat.policies.assignPolicy(ADMIN, CAROL, null));
        }
        assertRefused(
                () -> chat.tx(() -> chat.transfers.issue(
                        ALICE, "ma-chan://contoso.com/" + UUID.randomUUID(), FileTransfer.UPLOAD, "x.txt")),
                Reason.NOT_FOUND);
    }

    /** The conditional DELETE decides: of many redemptions at once, exactly one wins. */
    @Test
    void concurrentRedemptionsOfOneTokenHaveExactlyOneWinner() throws Exception {
        RoomView room = room(Privacy.OPEN);
        IssuedFileToken token = chat.tx(() -> chat.transfers.issue(ALICE, room.uri(), FileTransfer.UPLOAD, "race.txt"));
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        chat.tx(() -> chat.transfers.redeem(token.token(), FileTransfer.UPLOAD));
                        return true;
                    } catch (ChatException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
