package org.parley.web.rest.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import org.parley.chat.application.dto.store.ExportedAddIn;
import org.parley.chat.application.dto.store.ExportedCategory;
import org.parley.chat.application.dto.store.ExportedFile;
import org.parley.chat.application.dto.store.ExportedGroup;
import org.parley.chat.application.dto.store.ExportedPolicy;
import org.parley.chat.application.dto.store.ExportedRoom;
import org.parley.chat.application.dto.store.ExportedUser;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.chat.application.dto.store.StoreReader;
import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.infrastructure.files.FileStore;

/**
 * Reads a chat store document (docs/export-format.md) from the request body while the import runs: the outline
 * (everything before {@code rooms}), then one room at a time, then one file at a time, so the server holds one
 * room's history, or one file, never the whole document. Hence the one rule a document must follow beyond its
 * shape: {@code rooms} and {@code files} come after the rest, as an export writes them. A file's bytes are put in
 * the file store as they are read and checked against the SHA-256 the document gives (a dry run only checks them);
 * bytes of an import that is rolled back are orphans, which the file store's clean-up removes.
 * Anything malformed is the client's error (400), reported with where it is.
 */
final class StoreDocumentReader implements StoreReader {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private enum Section {
        OUTLINE,
        ROOMS,
        FILES,
        END
    }

    private final JsonParser parser;
    private final FileStore files;
    private final long maxFileBytes;
    private final boolean dryRun;
    private Section section = Section.OUTLINE;

    StoreDocumentReader(InputStream body, FileStore files, long maxFileBytes, boolean dryRun) {
        this.parser = Json.createParser(body);
        this.files = files;
        this.maxFileBytes = maxFileBytes;
        this.dryRun = dryRun;
    }

    @Override
    public StoreDocument outline() {
        return parsing(() -> {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                throw ChatException.invalid("a chat store document is one JSON object");
            }
            String format = null;
            Integer version = null;
            Instant exportedAt = null;
            String domain = null;
            List<ExportedPolicy> policies = List.of();
            List<ExportedUser> users = List.of();
            List<ExportedGroup> groups = List.of();
            List<ExportedCategory> categories = List.of();
            List<ExportedAddIn> addIns = List.of();
            while (section == Section.OUTLINE) {
                Event event = parser.next();
                if (event == Event.END_OBJECT) {
                    section = Section.END;
                    break;
                }
                String key = parser.getString();
                parser.next();
                switch (key) {
                    case "format" -> format = text(parser.getValue());
                    case "version" ->
                        version = parser.getValue() instanceof JsonNumber number ? number.intValue() : null;
                    case "exportedAt" -> exportedAt = instant(text(parser.getValue()));
                    case "domain" -> domain = text(parser.getValue());
                    case "policies" -> policies = list(ExportedPolicy.class);
                    case "users" -> users = list(ExportedUser.class);
                    case "groups" -> groups = list(ExportedGroup.class);
                    case "categories" -> categories = list(ExportedCategory.class);
                    case "addIns" -> addIns = list(ExportedAddIn.class);
                    case "rooms" -> section = startArray(key, Section.ROOMS);
                    case "files" -> section = startArray(key, Section.FILES);
                    default -> parser.getValue();
                }
            }
            return new StoreDocument(
                    format, version, exportedAt, domain, policies, users, groups, categories, List.of(), addIns);
        });
    }

    @Override
    public Optional<ExportedRoom> nextRoom() {
        return parsing(() -> {
            if (section != Section.ROOMS) {
                return Optional.empty();
            }
            if (parser.next() == Event.END_ARRAY) {
                afterSection();
                return Optional.empty();
            }
            return Optional.of(JSONB.fromJson(object("a room").toString(), ExportedRoom.class));
        });
    }

    @Override
    public Optional<ExportedFile> nextFile() {
        return parsing(() -> {
            while (section == Section.ROOMS) {
                nextRoom();
            }
            if (section != Section.FILES) {
                return Optional.empty();
            }
            if (parser.next() == Event.END_ARRAY) {
                afterSection();
                return Optional.empty();
            }
            return Optional.of(file(object("a file")));
        });
    }

    /** After rooms or files: only the other of the two, or the document's end. */
    private void afterSection() {
        Event event = parser.next();
        if (event == Event.END_OBJECT) {
            section = Section.END;
            return;
        }
        String key = parser.getString();
        parser.next();
        switch (key) {
            case "rooms" -> section = startArray(key, Section.ROOMS);
            case "files" -> section = startArray(key, Section.FILES);
            case "format", "version", "exportedAt", "domain", "policies", "users", "groups", "categories", "addIns" ->
                throw ChatException.invalid("\"" + key + "\" must come before \"rooms\" and \"files\" (the import"
                        + " reads rooms and files as they come, and they may name it)");
            default -> {
                parser.getValue();
                afterSection();
            }
        }
    }

    private ExportedFile file(JsonObject file) {
        String name = file.getString("fileName", null);
        String sha256 = file.getString("sha256", null);
        String content = file.getString("content", null);
        if (name == null || sha256 == null || content == null) {
            throw ChatException.invalid("a file needs its fileName, sha256 and content (base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException notBase64) {
            throw ChatException.invalid("file " + name + ": its content is not base64");
        }
        String storageKey = null;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            if (bytes.length > maxFileBytes) {
                throw ChatException.invalid(
                        "file " + name + " is larger than the largest file accepted (" + maxFileBytes + " bytes)");
            }
            String actual = sha256(bytes);
            if (!actual.equalsIgnoreCase(sha256)) {
                throw ChatException.invalid("file " + name + ": its content does not have the SHA-256 given");
            }
            if (!dryRun) {
                storageKey = files.store(in, maxFileBytes).storageKey();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the file store could not keep file " + name, e);
        }
        return new ExportedFile(
                file.getString("roomUri", null),
                name,
                file.getString("contentType", null),
                bytes.length,
                sha256,
                file.getString("uploader", null),
                instant(file.getString("uploadedAt", null)),
                storageKey);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private Section startArray(String key, Section next) {
        if (parser.currentEvent() != Event.START_ARRAY) {
            throw ChatException.invalid("\"" + key + "\" must be an array");
        }
        return next;
    }

    private JsonObject object(String what) {
        if (parser.currentEvent() != Event.START_OBJECT) {
            throw ChatException.invalid(what + " must be a JSON object");
        }
        return parser.getObject();
    }

    private <T> List<T> list(Class<T> type) {
        if (parser.currentEvent() != Event.START_ARRAY) {
            throw ChatException.invalid("expected an array of " + type.getSimpleName());
        }
        return JSONB.fromJson(parser.getArray().toString(), listOf(type));
    }

    private static Type listOf(Class<?> type) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {type};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    private static String text(JsonValue value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ChatException.invalid("not an instant: " + text);
        }
    }

    /** Malformed JSON, or JSON of the wrong shape, is the client's: a ChatException the problem mapper says 400 to. */
    private <T> T parsing(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (JsonException | JsonbException | IllegalStateException | java.util.NoSuchElementException e) {
            throw ChatException.invalid("not a chat store document: " + e.getMessage());
        }
    }
}
