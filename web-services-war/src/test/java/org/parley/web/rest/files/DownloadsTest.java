package org.parley.web.rest.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void namesTheAttachmentInAsciiAndExactlyInRfc5987() {
        assertThat(Downloads.contentDisposition("report.pdf"))
                .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(Downloads.contentDisposition("Q3 Übersicht \"final\" 100%*.txt"))
                .isEqualTo("attachment; filename=\"Q3 _bersicht _final_ 100_*.txt\"; "
                        + "filename*=UTF-8''Q3%20%C3%9Cbersicht%20%22final%22%20100%25%2A.txt");
    }
}
