package org.parley.chat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.chat.application.dto.IssuedFileToken;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.model.file.FileTransfer;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.infrastructure.files.FileStore;
import org.parley.chat.infrastructure.files.FileStoreJanitor;

/**
 * The file store's clean-up on a real store and real files: bytes no record names go once they are older than
 * the grace period; referenced or recent bytes, and bytes an upload has just written again, stay.
 */
class FileStoreCleanupTest {

    private static final String ALICE = "sip:alice@contoso.com";
    private static final Duration GRACE = Duration.ofHours(1);

    @RegisterExtension
    static final ChatStoreHarness chat = new ChatStoreHarness();

    @TempDir
    Path directory;

    private FileStore.StoredFile stored(FileStore store, String content) throws IOException {
        return store.store(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1000);
    }

    private void age(FileStore.StoredFile file, Instant when) throws IOException {
        Files.setLastModifiedTime(directory.resolve(file.storageKey()), FileTime.from(when));
    }

    private boolean present(FileStore.StoredFile file) {
        return Files.exists(directory.resolve(file.storageKey()));
    }

    private void register(RoomView room, String name, FileStore.StoredFile file) {
        chat.tx(() -> chat.files.register(
                ALICE,
                room.uri(),
                new FileDescription(name, file.sizeBytes(), file.sha256(), "text/plain", file.storageKey())));
    }

    @Test
    void deletesOldOrphansOnlyAndThenWhatAHistoryClearLeftBehind() throws IOException {
        FileStore store = new FileStore(directory);
        FileStoreJanitor janitor =
                new FileStoreJanitor(store, chat.fileRepository, chat.tokenRepository, chat.clock, GRACE);
        String root = chat.tx(() -> chat.categories.root()).uri();
        RoomView room = chat.tx(() -> chat.rooms.createRoom(
                ALICE, new NewRoom("Cleanup " + UUID.randomUUID(), null, root, Privacy.OPEN, RoomType.NORMAL)));
        Instant old = chat.clock.instant().minus(Duration.ofHours(2));

        FileStore.StoredFile kept = stored(store, "still in the room");
        register(room, "kept.txt", kept);
        FileStore.StoredFile orphan = stored(store, "nobody names me");
        FileStore.StoredFile recent = stored(store, "record not committed yet");
        age(kept, old);
        age(orphan, old);
        age(recent, chat.clock.instant().minus(Duration.ofMinutes(10)));
        Files.writeString(Files.createDirectories(directory.resolve("incoming")).resolve("upload-1.part"), "dead");
        Files.setLastModifiedTime(directory.resolve("incoming/upload-1.part"), FileTime.from(old));
        IssuedFileToken expired = chat.tx(() -> chat.transfers.issue(ALICE, room.uri(), FileTransfer.UPLOAD, "x"));

        chat.clock.advance(Duration.ofMinutes(6));
        FileStoreJanitor.Result first = chat.tx(janitor::collect);

        assertThat(first.orphansDeleted()).isEqualTo(1);
        assertThat(first.abandonedUploadsDeleted()).isEqualTo(1);
        assertThat(first.tokensPurged()).isGreaterThanOrEqualTo(1);
        assertThat(chat.tx(() -> chat.tokenRepository.find(expired.token()))).isEmpty();
        assertThat(present(orphan)).isFalse();
        assertThat(present(kept)).isTrue();
        assertThat(present(recent)).isTrue();

        chat.tx(() -> chat.history.clearBefore(ChatStoreHarness.ADMIN, room.uri(), chat.clock.instant()));
        assertThat(chat.tx(() -> chat.files.files(ALICE, room.uri()))).isEmpty();
        FileStoreJanitor.Result second = chat.tx(janitor::collect);

        assertThat(second.orphansDeleted()).isEqualTo(1);
        assertThat(present(kept)).isFalse();
        assertThat(present(recent)).isTrue();
    }

    /** An upload of bytes that are an old orphan writes them again: the clean-up then leaves them alone. */
    @Test
    void anUploadOfOrphanedBytesRenewsThem() throws IOException {
        FileStore store = new FileStore(directory);
        FileStoreJanitor janitor =
                new FileStoreJanitor(store, chat.fileRepository, chat.tokenRepository, chat.clock, GRACE);
        FileStore.StoredFile orphan = stored(store, "posted, cleared, posted again");
        age(orphan, chat.clock.instant().minus(Duration.ofDays(1)));

        stored(store, "posted, cleared, posted again");
        chat.tx(janitor::collect);

        assertThat(present(orphan)).isTrue();
    }

    /** Deleting moves the bytes aside first; bytes written again meanwhile are put back, not deleted. */
    @Test
    void bytesWrittenAgainSinceTheCutoffAreNotDeleted() throws IOException {
        FileStore store = new FileStore(directory);
        FileStore.StoredFile file = stored(store, "fresh");
        Instant cutoff = Instant.now().minus(GRACE);

        assertThat(store.deleteIfUntouchedSince(file.storageKey(), cutoff)).isFalse();
        assertThat(present(file)).isTrue();
        age(file, cutoff.minusSeconds(1));
        assertThat(store.keysUntouchedSince(cutoff)).containsExactly(file.storageKey());
        assertThat(store.deleteIfUntouchedSince(file.storageKey(), cutoff)).isTrue();
        assertThat(present(file)).isFalse();
        assertThat(store.deleteIfUntouchedSince(file.storageKey(), cutoff)).isFalse();
    }
}
