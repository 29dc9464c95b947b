package org.parley.chat.infrastructure.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Hashes;

class FileStoreTest {

    @TempDir
    Path root;

    @Test
    void storesBytesUnderTheirHashAndReadsThemBack() throws IOException {
        FileStore store = new FileStore(root);
        FileStore.StoredFile stored = store.store(bytes("hello"), 100);

        String hash = Hashes.sha256Hex("hello");
        assertThat(stored).isEqualTo(new FileStore.StoredFile(hash.substring(0, 2) + "/" + hash, 5, hash));
        try (InputStream in = store.open(stored.storageKey())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        assertThat(store.store(bytes("hello"), 100)).isEqualTo(stored);
        assertThat(files()).containsExactly(root.resolve(stored.storageKey()));
    }

    /** 64 MB through a store that never sees more than its buffer at a time. */
    @Test
    void streamsContentLargerThanTheHeapWouldLikeToHold() throws IOException {
        long size = 64L * 1024 * 1024;
        FileStore.StoredFile stored = new FileStore(root).store(new Generated(size), size);
        assertThat(stored.sizeBytes()).isEqualTo(size);
        assertThat(Files.size(root.resolve(stored.storageKey()))).isEqualTo(size);
    }

    @Test
    void stopsReadingBeyondTheLimitAndLeavesNothingBehind() throws IOException {
        FileStore store = new FileStore(root);
        Generated endless = new Generated(Long.MAX_VALUE);
        assertThatThrownBy(() -> store.store(endless, 1000))
                .isInstanceOfSatisfying(
                        ChatException.class, e -> assertThat(e.reason()).isEqualTo(ChatException.Reason.TOO_LARGE));
        assertThat(endless.served).isLessThan(1000 + 2 * 64 * 1024);
        assertThat(files()).isEmpty();

        assertThat(store.store(new Generated(1000), 1000).sizeBytes()).isEqualTo(1000);
    }

    @Test
    void anAbortedUploadLeavesNothingBehind() {
        FileStore store = new FileStore(root);
        InputStream broken = new InputStream() {
            int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.store(broken, 1_000_000)).hasMessage("connection reset");
        assertThat(files()).isEmpty();
    }

    @Test
    void keysItDidNotMakeAreNotFoundWhateverTheyPointAt() throws IOException {
        FileStore store = new FileStore(root.resolve("store"));
        Files.writeString(root.resolve("secret"), "secret");
        for (String key : new String[] {
            "../secret", "../../etc/passwd", "/etc/passwd", "ab/../../secret", "incoming/upload-1.part", "", null
        }) {
            assertThatThrownBy(() -> store.open(key))
                    .as(key)
                    .isInstanceOfSatisfying(
                            ChatException.class, e -> assertThat(e.reason()).isEqualTo(ChatException.Reason.NOT_FOUND));
        }
        String missing = "ab/" + "0".repeat(64);
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(ChatException.class);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every regular file under the store; the temporary files of uploads included. */
    private java.util.List<Path> files() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes made on demand, counting how many were read. */
    private static final class Generated extends InputStream {
        private final long size;
        long served;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return served < size ? (int) (served++ & 0x7f) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (served + i);
            }
            served += n;
            return n;
        }
    }
}
