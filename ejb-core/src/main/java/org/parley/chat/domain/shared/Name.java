package org.parley.chat.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The name of a room, category, add-in, user group or chat policy: the text as given (trimmed) and the key it is
 * compared by. Names are unique on the server ignoring case, so each owner's table has a unique index on the key
 * column; the columns are {@code name} and {@code name_key} in every one. How long a name may be is the owner's
 * (its {@code MAX_NAME_LENGTH}, the column's width in the schema), checked by {@link #of}.
 */
@Embeddable
public class Name {

    @Column(name = "name", nullable = false)
    private String text;

    /** {@link #keyOf} of the text: what the unique index and the repositories' look-ups by name use. */
    @Column(name = "name_key", nullable = false, unique = true)
    private String key;

    protected Name() {}

    private Name(String text) {
        this.text = text;
        this.key = keyOf(text);
    }

    /**
     * The name {@code value}, trimmed; INVALID naming the {@code field} ("room name") when it is empty or longer than
     * {@code max} characters.
     */
    public static Name of(String value, String field, int max) {
        return new Name(Texts.required(value, field, max));
    }

    /** The key of any name, stored or not: {@link Texts#key}. */
    public static String keyOf(String name) {
        return Texts.key(name);
    }

    /** Whether {@code other} names the same thing, as the unique index would see it. */
    public boolean sameAs(String other) {
        return key.equals(keyOf(other));
    }

    public String text() {
        return text;
    }

    public String key() {
        return key;
    }

    /** The text, so that a message can say {@code "room " + name}. */
    @Override
    public String toString() {
        return text;
    }
}
