package org.parley.web.rest.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.parley.chat.application.StoreTransferService;
import org.parley.chat.application.dto.store.ExportFilter;
import org.parley.chat.application.dto.store.ExportedAddIn;
import org.parley.chat.application.dto.store.ExportedCategory;
import org.parley.chat.application.dto.store.ExportedFile;
import org.parley.chat.application.dto.store.ExportedGroup;
import org.parley.chat.application.dto.store.ExportedMessage;
import org.parley.chat.application.dto.store.ExportedPolicy;
import org.parley.chat.application.dto.store.ExportedRoom;
import org.parley.chat.application.dto.store.ExportedUser;
import org.parley.chat.application.dto.store.StoreDocument;
import org.parley.chat.infrastructure.files.FileStore;

/**
 * Writes a chat store export (docs/export-format.md) as it reads it: the outline first, then each room's
 * messages a page at a time, then (if asked) the rooms' files one at a time, so the response never holds more than
 * one page of history or one file. Progress is logged every {@value #LOG_EVERY_ROOMS} rooms: a large store takes a
 * while.
 */
final class StoreExportWriter {

    static final int PAGE = 500;
    private static final int LOG_EVERY_ROOMS = 100;
    private static final Logger LOG = Logger.getLogger(StoreExportWriter.class.getName());

    private final StoreTransferService store;
    private final FileStore files;
    private final String actorUri;
    private final ExportFilter filter;
    private long messages;
    private long fileCount;

    StoreExportWriter(StoreTransferService store, FileStore files, String actorUri, ExportFilter filter) {
        this.store = store;
        this.files = files;
        this.actorUri = actorUri;
        this.filter = filter;
    }

    void write(StoreDocument outline, OutputStream out) {
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject()
                    .write("format", outline.format())
                    .write("version", outline.version())
                    .write("exportedAt", outline.exportedAt().toString())
                    .write("domain", outline.domain());
            json.writeStartArray("policies");
            for (ExportedPolicy policy : outline.policies()) {
                json.writeStartObject()
                        .write("name", policy.name())
                        .write("chatEnabled", policy.chatEnabled())
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("users");
            for (ExportedUser user : outline.users()) {
                json.writeStartObject().write("uri", user.uri()).write("administrator", user.administrator());
                text(json, "policy", user.policy());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("groups");
            for (ExportedGroup group : outline.groups()) {
                json.writeStartObject().write("name", group.name());
                text(json, "description", group.description());
                list(json, "members", group.members());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("addIns");
            for (ExportedAddIn addIn : outline.addIns()) {
                json.writeStartObject()
                        .write("name", addIn.name())
                        .write("url", addIn.url())
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("categories");
            for (ExportedCategory category : outline.categories()) {
                json.writeStartObject().write("uri", category.uri()).write("name", category.name());
                text(json, "description", category.description());
                json.write("invitationsAllowed", category.invitationsAllowed())
                        .write("fileUploadAllowed", category.fileUploadAllowed())
                        .write("chatHistoryEnabled", category.chatHistoryEnabled());
                time(json, "createdAt", category.createdAt());
                list(json, "allowedMembers", category.allowedMembers());
                list(json, "deniedMembers", category.deniedMembers());
                list(json, "creators", category.creators());
                number(json, "retentionDays", category.retentionDays());
                json.writeEnd();
            }
            json.writeEnd();
            LOG.info(() -> "Export by " + actorUri + " (" + filter.describe() + "): "
                    + outline.rooms().size() + " rooms");
            json.writeStartArray("rooms");
            int written = 0;
            for (ExportedRoom room : outline.rooms()) {
                writeRoom(json, room);
                if (++written % LOG_EVERY_ROOMS == 0) {
                    int soFar = written;
                    LOG.info(() -> "Export: " + soFar + " of " + outline.rooms().size() + " rooms, " + messages
                            + " messages written");
                }
            }
            json.writeEnd();
            if (filter.files()) {
                json.writeStartArray("files");
                for (ExportedRoom room : outline.rooms()) {
                    for (ExportedFile file : store.files(actorUri, room.uri(), filter)) {
                        writeFile(json, file);
                    }
                }
                json.writeEnd();
            }
            json.writeEnd();
            LOG.info(() -> "Export done: " + outline.rooms().size() + " rooms, " + messages + " messages, " + fileCount
                    + " files");
        }
    }

    /** A file whose bytes are gone from the store (a clean-up raced the export) is left out, with a warning. */
    private void writeFile(JsonGenerator json, ExportedFile file) {
        byte[] bytes;
        try (InputStream in = files.open(file.storageKey())) {
            bytes = in.readAllBytes();
        } catch (IOException gone) {
            LOG.log(
                    Level.WARNING,
                    "Export: file " + file.fileName() + " of " + file.roomUri()
                            + " has no bytes in the file store; left out",
                    gone);
            return;
        }
        json.writeStartObject()
                .write("roomUri", file.roomUri())
                .write("fileName", file.fileName())
                .write("contentType", file.contentType())
                .write("sizeBytes", file.sizeBytes())
                .write("sha256", file.sha256())
                .write("uploader", file.uploader());
        time(json, "uploadedAt", file.uploadedAt());
        json.write("content", Base64.getEncoder().encodeToString(bytes)).writeEnd();
        json.flush();
        fileCount++;
    }

    private void writeRoom(JsonGenerator json, ExportedRoom room) {
        json.writeStartObject()
                .write("uri", room.uri())
                .write("categoryUri", room.categoryUri())
                .write("name", room.name());
        text(json, "description", room.description());
        text(json, "topic", room.topic());
        json.write("privacy", room.privacy().name())
                .write("type", room.type().name())
                .write("invitations", room.invitations().name())
                .write("disabled", room.disabled());
        time(json, "createdAt", room.createdAt());
        json.write("lastMessageSeq", room.lastMessageSeq());
        list(json, "members", room.members());
        list(json, "managers", room.managers());
        list(json, "presenters", room.presenters());
        number(json, "retentionDays", room.retentionDays());
        text(json, "addIn", room.addIn());
        json.writeStartArray("messages");
        long after = 0;
        for (List<ExportedMessage> page;
                !(page = store.messages(actorUri, room.uri(), after, PAGE, filter)).isEmpty(); ) {
            for (ExportedMessage message : page) {
                json.writeStartObject()
                        .write("seq", message.seq())
                        .write("author", message.author())
                        .write("text", message.text());
                time(json, "clientTime", message.clientTime());
                time(json, "serverTime", message.serverTime());
                json.writeEnd();
                after = message.seq();
                messages++;
            }
            json.flush();
        }
        json.writeEnd();
        json.writeEnd();
    }

    private static void number(JsonGenerator json, String name, Integer value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    private static void time(JsonGenerator json, String name, Instant value) {
        text(json, name, value == null ? null : value.toString());
    }

    private static void list(JsonGenerator json, String name, List<String> values) {
        json.writeStartArray(name);
        values.forEach(json::write);
        json.writeEnd();
    }
}
