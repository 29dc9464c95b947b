package org.parley.web.rest.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertThat(ByteRange.of("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 19));
        assertThat(ByteRange.of("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.of("bytes=-5", 100)).isEqualTo(new ByteRange(95, 99));
        assertThat(ByteRange.of("Bytes = 0-0", 100)).isEqualTo(new ByteRange(0, 0));
    }

    @Test
    void clipsRangesToTheFile() {
        assertThat(ByteRange.of("bytes=90-1000", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.of("bytes=-1000", 100)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.of("bytes=10-19", 100).length()).isEqualTo(10);
    }

    @Test
    void aRangeStartingAtOrBeyondTheEndIsUnsatisfiable() {
        assertThat(ByteRange.of("bytes=100-", 100).satisfiable()).isFalse();
        assertThat(ByteRange.of("bytes=100-200", 100).satisfiable()).isFalse();
        assertThat(ByteRange.of("bytes=-0", 100).satisfiable()).isFalse();
        assertThat(ByteRange.of("bytes=0-", 0).satisfiable()).isFalse();
        assertThat(ByteRange.of("bytes=-5", 0).satisfiable()).isFalse();
    }

    /** RFC 9110 lets a server ignore a Range it does not serve: the whole file is sent. */
    @Test
    void anythingElseMeansTheWholeFile() {
        assertThat(ByteRange.of(null, 100)).isNull();
        assertThat(ByteRange.of("bytes=0-1,5-6", 100)).isNull();
        assertThat(ByteRange.of("items=0-1", 100)).isNull();
        assertThat(ByteRange.of("bytes=-", 100)).isNull();
        assertThat(ByteRange.of("bytes=20-10", 100)).isNull();
        assertThat(ByteRange.of("bytes=99999999999999999999-", 100)).isNull();
    }
}
