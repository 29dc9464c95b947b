package org.parley.chat.domain.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Checks and normalisation of the free-text fields every aggregate has (names, descriptions). */
public final class Texts {

    private Texts() {}

    /** Trimmed, non-empty, at most {@code max} characters; else INVALID naming the field. */
    public static String required(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw ChatException.invalid(field + " must not be empty");
        }
        return limited(text, field, max);
    }

    /** Trimmed, may be empty (stored as null), at most {@code max} characters. */
    public static String optional(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        return text.isEmpty() ? null : limited(text, field, max);
    }

    /**
     * The form names are compared and kept unique in: compatibility-normalised (so full-width and
     * ligature forms collide with their plain forms), whitespace collapsed, lower case in the root locale
     * (so the result does not depend on the server's locale, e.g. Turkish dotless i).
     */
    public static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        return folded.toLowerCase(Locale.ROOT);
    }

    private static String limited(String text, String field, int max) {
        if (text.length() > max) {
            throw ChatException.invalid(field + " is longer than " + max + " characters");
        }
        return text;
    }
}
