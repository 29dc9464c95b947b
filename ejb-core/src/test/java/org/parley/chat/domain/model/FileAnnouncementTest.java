package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.file.FileAnnouncement;

/** The shape of a file's announcement, which history rewrites read back to find the file (HistoryService). */
class FileAnnouncementTest {

    private static final URI BASE = URI.create("https://chat.contoso.com/parley/api/v1/files/");

    @Test
    void namesTheFileItsSizeAndWhereToDownloadIt() {
        assertThat(FileAnnouncement.text("notes.txt", 5, BASE, 42))
                .isEqualTo("[file] notes.txt (5 bytes) https://chat.contoso.com/parley/api/v1/files/42");
    }

    /** A name may look like the rest of the announcement: the size and the id read are the last ones. */
    @Test
    void readsBackTheFileIdWhateverTheName() {
        assertThat(FileAnnouncement.fileId(FileAnnouncement.text("notes.txt", 5, BASE, 42)))
                .contains(42L);
        assertThat(FileAnnouncement.fileId(FileAnnouncement.text("a (3 bytes) b/7 (1).txt", 123, BASE, 9)))
                .contains(9L);
        assertThat(FileAnnouncement.fileId(FileAnnouncement.text("two\nlines", 1, BASE, 8)))
                .contains(8L);
    }

    @Test
    void otherTextsAnnounceNothing() {
        assertThat(FileAnnouncement.fileId("[file] notes.txt")).isEmpty();
        assertThat(FileAnnouncement.fileId("see [file] notes.txt (5 bytes) https://x/files/42"))
                .isEmpty();
        assertThat(FileAnnouncement.fileId("[file] notes.txt (5 bytes) https://x/files/42 and more"))
                .isEmpty();
        assertThat(FileAnnouncement.fileId("[file] notes.txt (5 bytes) https://x/files/99999999999999999999"))
                .as("no id that large")
                .isEmpty();
        assertThat(FileAnnouncement.fileId(null)).isEmpty();
    }
}
