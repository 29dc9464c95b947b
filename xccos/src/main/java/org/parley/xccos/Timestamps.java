package org.parley.xccos;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 times as XCCOS carries them: clients send whole seconds with Z, the original server
 * sent seven-digit fractions; both, with or without fraction and zone, are read as UTC (§11).
 */
public final class Timestamps {

    private Timestamps() {}

    public static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new XccosException("not an ISO-8601 time: " + text, e);
            }
        }
    }

    /** Milliseconds at most, always with Z: read by every client seen. */
    public static String format(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }
}
