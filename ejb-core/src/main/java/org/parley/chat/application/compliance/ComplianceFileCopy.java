package org.parley.chat.application.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.ChatSetting;
import org.parley.chat.domain.model.file.FileDescription;
import org.parley.chat.infrastructure.files.FileStore;

/**
 * Copies an uploaded file's bytes from the chat file store into the compliance file store
 * ({@code parley.compliance.filestore.dir}), so that compliance holds every upload it records even after the room's
 * copy is removed. The store is content-addressed like the chat's, so the copy's name is known before it is made and
 * a repeated upload is kept once.
 */
@ApplicationScoped
public class ComplianceFileCopy {

    @Inject
    FileStore chatFiles;

    /** Null until first used: the compliance file store is only required while compliance is on. */
    private FileStore complianceFiles;

    public ComplianceFileCopy() {}

    ComplianceFileCopy(FileStore chatFiles, FileStore complianceFiles) {
        this.chatFiles = chatFiles;
        this.complianceFiles = complianceFiles;
    }

    /**
     * @return the copy's key in the compliance file store
     * @throws UncheckedIOException  when the bytes cannot be read or written
     * @throws IllegalStateException when the chat file store's bytes are not those uploaded (their hash differs)
     */
    public String copy(FileDescription file) {
        FileStore.StoredFile copy;
        try (InputStream bytes = chatFiles.open(file.storageKey())) {
            copy = complianceFiles().store(bytes, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy an uploaded file into the compliance file store", e);
        }
        if (!copy.sha256().equals(file.sha256())) {
            throw new IllegalStateException("the chat file store's " + file.storageKey() + " does not hold the bytes"
                    + " uploaded (sha256 " + copy.sha256() + ", expected " + file.sha256() + ")");
        }
        return copy.storageKey();
    }

    private FileStore complianceFiles() {
        if (complianceFiles == null) {
            complianceFiles = new FileStore(Path.of(ChatSetting.COMPLIANCE_FILE_STORE_DIR.required()));
        }
        return complianceFiles;
    }
}
