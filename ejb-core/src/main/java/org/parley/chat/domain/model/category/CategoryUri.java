package org.parley.chat.domain.model.category;

import java.util.Locale;
import java.util.UUID;

import org.parley.chat.domain.shared.ChatException;

/** {@code ma-cat://<domain>/<guid>}, the XCCOS name of a category (docs/protocol/xccos.md §6). */
public record CategoryUri(String domain, UUID guid) {

    public static final String SCHEME = "ma-cat://";

    public CategoryUri {
        if (domain == null || domain.isBlank() || guid == null) {
            throw ChatException.invalid("a category URI needs a domain and a GUID");
        }
        domain = domain.toLowerCase(Locale.ROOT);
    }

    public static CategoryUri parse(String text) {
        if (text == null || !text.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw ChatException.invalid("not a category URI: " + text);
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw ChatException.invalid("not a category URI: " + text);
        }
        try {
            return new CategoryUri(rest.substring(0, slash), UUID.fromString(rest.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid("not a category URI: " + text);
        }
    }

    @Override
    public String toString() {
        return SCHEME + domain + "/" + guid;
    }
}
