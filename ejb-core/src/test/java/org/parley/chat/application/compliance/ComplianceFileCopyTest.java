package org.parley.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.domain.shared.Hashes;
import org.parley.chat.infrastructure.files.FileStore;

class ComplianceFileCopyTest {

    @TempDir
    Path root;

    @Test
    void copiesTheUploadedBytesUnderTheSameContentAddress() throws IOException {
        FileStore chat = new FileStore(root.resolve("chat"));
        FileStore compliance = new FileStore(root.resolve("compliance"));
        FileStore.StoredFile stored = chat.store(bytes("minutes"), 100);

        String key = new ComplianceFileCopy(chat, compliance).copy(upload(stored, stored.sha256()));

        assertThat(key).isEqualTo(stored.storageKey());
        try (InputStream in = compliance.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("minutes");
        }
    }

    /** The chat store's bytes are not what was uploaded: recording them as the upload would mislead compliance. */
    @Test
    void refusesBytesWhoseHashIsNotTheUploads() throws IOException {
        FileStore chat = new FileStore(root.resolve("chat"));
        FileStore.StoredFile stored = chat.store(bytes("minutes"), 100);

        assertThatThrownBy(() -> new ComplianceFileCopy(chat, new FileStore(root.resolve("compliance")))
                        .copy(upload(stored, Hashes.sha256Hex("agenda"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(stored.storageKey());
    }

    @Test
    void aFileTheChatStoreDoesNotHoldFailsTheCopy() throws IOException {
        FileStore chat = new FileStore(root.resolve("chat"));
        FileStore.StoredFile stored = chat.store(bytes("minutes"), 100);
        Files.delete(root.resolve("chat").resolve(stored.storageKey()));

        assertThatThrownBy(() -> new ComplianceFileCopy(chat, new FileStore(root.resolve("compliance")))
                        .copy(upload(stored, stored.sha256())))
                .isInstanceOf(RuntimeException.class);
    }

    private static FileDescription upload(FileStore.StoredFile stored, String sha256) {
        return new FileDescription("minutes.txt", stored.sizeBytes(), sha256, "text/plain", stored.storageKey());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
