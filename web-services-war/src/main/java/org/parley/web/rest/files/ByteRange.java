package org.parley.web.rest.files;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file a {@code Range} header asks for (RFC 9110 §14). Only a single range is served as a
 * part; several ranges, another unit or a malformed header get the whole file, as the RFC allows.
 *
 * @param first the first byte's offset
 * @param last  the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What a range asks for when it starts at or beyond the end: nothing that can be sent (416). */
    static final ByteRange UNSATISFIABLE = new ByteRange(0, -1);

    /** @return null for the whole file */
    static ByteRange of(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher range = SINGLE.matcher(header.strip().toLowerCase(Locale.ROOT).replace(" ", ""));
        if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()) {
            return null;
        }
        if (range.group(1).isEmpty()) {
            long suffix = Long.parseLong(range.group(2));
            return suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(range.group(1));
        if (first >= size) {
            return UNSATISFIABLE;
        }
        if (range.group(2).isEmpty()) {
            return new ByteRange(first, size - 1);
        }
        long last = Long.parseLong(range.group(2));
        return last < first ? null : new ByteRange(first, Math.min(last, size - 1));
    }

    boolean satisfiable() {
        return first <= last;
    }

    long length() {
        return last - first + 1;
    }
}
