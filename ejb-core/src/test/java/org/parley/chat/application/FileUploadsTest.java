package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.chat.testing.ChatAssertions.assertRefused;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import jakarta.transaction.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.chat.application.compliance.ComplianceEvent;
import org.parley.chat.application.compliance.ComplianceEventType;
import org.parley.chat.application.dto.FileView;
import org.parley.chat.application.dto.IssuedFileToken;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.RedeemedFileToken;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.shared.ChatException.Reason;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.chat.infrastructure.metrics.ParleyMeters;

/**
 * The file upload use case on a real store and real files, with each service call in its own transaction as the
 * container runs them: the rules before any byte, the bytes outside every transaction, then the record, its
 * compliance event and the room's announcement together, or none of them.
 */
class FileUploadsTest {

    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final URI DOWNLOADS = URI.create("https://chat.contoso.com/parley/api/v1/files/");

    @RegisterExtension
    static final ChatStoreHarness chat = new ChatStoreHarness();

    @TempDir
    Path directory;

    private FileStore store;
    private FileUploads uploads;

    @BeforeEach
    void wire() {
        store = new FileStore(directory);
        // The services as their EJB proxies run them: each call its own transaction, none around FileUploads.
        FileRecordService files =
                new FileRecordService(
                        chat.callers,
                        chat.roomRepository,
                        chat.fileRepository,
                        chat.configuration,
                        chat.clock,
                        chat.complianceEvents::add,
                        chat.posts) {
                    @Override
                    public void requireUpload(String actorUri, String roomUri, long sizeBytes) {
                        chat.database.inTransaction(() -> super.requireUpload(actorUri, roomUri, sizeBytes));
                    }

                    @Override
                    public FileView registerAnnounced(
                            String uploaderUri, String roomUri, FileDescription file, URI downloadBase) {
                        return chat.tx(() -> super.registerAnnounced(uploaderUri, roomUri, file, downloadBase));
                    }
                };
        FileTransferService transfers =
                new FileTransferService(
                        chat.callers,
                        chat.roomRepository,
                        chat.fileRepository,
                        chat.tokenRepository,
                        chat.transferSettings,
                        chat.clock) {
                    @Override
                    public RedeemedFileToken redeem(String token, FileTransfer direction) {
                        return chat.tx(() -> super.redeem(token, direction));
                    }
                };
        uploads = new FileUploads(files, transfers, store, chat.configuration, ParleyMeters.none());
    }

    private static RoomView room(Privacy privacy) {
        return chat.roomInRoot(ALICE, "Uploads", privacy);
    }

    private static List<ComplianceEvent> complianceOf(RoomView room) {
        return chat.complianceEvents.stream()
                .filter(event -> room.uri().equals(event.roomUri()))
                .toList();
    }

    @Test
    void anUploadIsStoredOutsideAnyTransactionThenRecordedAndAnnounced() throws IOException {
        RoomView room = room(Privacy.OPEN);
        Content content = new Content("hello world");

        FileView file = uploads.upload(BOB, room.uri(), "notes.txt", "text/plain", -1, content, DOWNLOADS);

        assertThat(content.reads).isPositive();
        assertThat(content.readInTransaction)
                .as("the bytes arrive outside every transaction")
                .isFalse();
        assertThat(file.uploader()).isEqualTo(BOB);
        assertThat(file.fileName()).isEqualTo("notes.txt");
        assertThat(file.sizeBytes()).isEqualTo(11);
        assertThat(file.contentType()).isEqualTo("text/plain");
        try (InputStream stored = store.open(file.storageKey())) {
            assertThat(new String(stored.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("hello world");
        }
        String announcement = "[file] notes.txt (11 bytes) https://chat.contoso.com/parley/api/v1/files/" + file.id();
        assertThat(chat.tx(() -> chat.history.last(ALICE, room.uri(), 10)))
                .singleElement()
                .satisfies(post -> {
                    assertThat(post.text()).isEqualTo(announcement);
                    assertThat(post.author()).isEqualTo(BOB);
                });
        assertThat(chat.publishedPosts)
                .filteredOn(post -> post.roomUri().equals(room.uri()))
                .extracting(MessageView::text)
                .containsExactly(announcement);
        assertThat(complianceOf(room))
                .extracting(ComplianceEvent::type)
                .filteredOn(type -> type == ComplianceEventType.FILEUPLOAD || type == ComplianceEventType.CHAT)
                .containsExactly(ComplianceEventType.FILEUPLOAD, ComplianceEventType.CHAT);
    }

    @Test
    void aRefusedUploadReadsNoByte() {
        RoomView closed = room(Privacy.CLOSED);
        Content toClosed = new Content("not for bob");
        assertRefused(
                () -> uploads.upload(BOB, closed.uri(), "x.txt", "text/plain", -1, toClosed, DOWNLOADS),
                Reason.FORBIDDEN);
        assertThat(toClosed.reads).isZero();

        RoomView open = room(Privacy.OPEN);
        Content announcedTooLarge = new Content("small, but announced large");
        assertRefused(
                () -> uploads.upload(
                        ALICE,
                        open.uri(),
                        "big.bin",
                        "application/octet-stream",
                        chat.configuration.maxFileSizeBytes() + 1,
                        announcedTooLarge,
                        DOWNLOADS),
                Reason.TOO_LARGE);
        assertThat(announcedTooLarge.reads).isZero();
        assertThat(chat.tx(() -> chat.files.files(ALICE, open.uri()))).isEmpty();
    }

    @Test
    void bytesOverTheLimitLeaveNoRecordAndNoAnnouncement() {
        RoomView room = room(Privacy.OPEN);
        Content tooMuch = new Content("x".repeat((int) chat.configuration.maxFileSizeBytes() + 1));

        assertRefused(
                () -> uploads.upload(ALICE, room.uri(), "big.bin", "application/octet-stream", -1, tooMuch, DOWNLOADS),
                Reason.TOO_LARGE);

        assertThat(chat.tx(() -> chat.files.files(ALICE, room.uri()))).isEmpty();
        assertThat(chat.tx(() -> chat.history.last(ALICE, room.uri(), 10))).isEmpty();
        assertThat(complianceOf(room))
                .extracting(ComplianceEvent::type)
                .doesNotContain(ComplianceEventType.FILEUPLOAD, ComplianceEventType.CHAT);
    }

    @Test
    void anUploadByTokenIsTheFileItWasIssuedForPostedAsItsUserOnce() throws IOException {
        RoomView room = room(Privacy.OPEN);
        IssuedFileToken token = chat.tx(() -> chat.transfers.issue(BOB, room.uri(), FileTransfer.UPLOAD, "plan.pdf"));

        FileView file = uploads.uploadWithToken(token.token(), "application/pdf", 4, new Content("plan"), DOWNLOADS);

        assertThat(file.uploader()).isEqualTo(BOB);
        assertThat(file.fileName()).isEqualTo("plan.pdf");
        assertThat(file.roomUri()).isEqualTo(room.uri());
        assertThat(chat.tx(() -> chat.history.last(ALICE, room.uri(), 10)))
                .extracting(MessageView::text)
                .containsExactly("[file] plan.pdf (4 bytes) " + DOWNLOADS + file.id());
        Content again = new Content("plan");
        assertRefused(
                () -> uploads.uploadWithToken(token.token(), "application/pdf", 4, again, DOWNLOADS), Reason.NOT_FOUND);
        assertThat(again.reads).isZero();
    }

    /** A body that tells how it was read: how often, and whether a transaction was open meanwhile. */
    private static final class Content extends ByteArrayInputStream {
        int reads;
        boolean readInTransaction;

        Content(String text) {
            super(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized int read() {
            watch();
            return super.read();
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            watch();
            return super.read(buffer, offset, length);
        }

        @Override
        public int read(byte[] buffer) {
            return read(buffer, 0, buffer.length);
        }

        private void watch() {
            reads++;
            readInTransaction |= chat.database.transactions().getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        }
    }
}
