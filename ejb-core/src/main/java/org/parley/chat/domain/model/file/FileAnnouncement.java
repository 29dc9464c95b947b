package org.parley.chat.domain.model.file;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.chat.domain.model.room.Room;
import org.parley.chat.domain.model.user.SipUri;

/**
 * The post that tells a room of a file posted to it: {@code [file] <name> (<size> bytes) <download URL>}, the URL
 * ending in the file's id. It is the uploader's post, stored with the file in one transaction, and what clients
 * show; it is also the only link from history to the file, so whatever removes it can find the file here.
 */
public final class FileAnnouncement {

    /** How every announcement begins (a message that does not cannot be one). */
    public static final String PREFIX = "[file] ";

    /** Greedy name: a name may itself contain " (" or digits; the size and the id are the last ones. */
    private static final Pattern SHAPE =
            Pattern.compile(Pattern.quote(PREFIX) + "(.+) \\((\\d{1,19}) bytes\\) \\S*/(\\d{1,19})", Pattern.DOTALL);

    private FileAnnouncement() {}

    /** @param downloadBase the URI that, resolved against a file id, downloads the file */
    public static String text(String fileName, long sizeBytes, URI downloadBase, long fileId) {
        return PREFIX + fileName + " (" + sizeBytes + " bytes) " + downloadBase.resolve(Long.toString(fileId));
    }

    /** The id of the file the text announces, if it has an announcement's shape. */
    public static Optional<Long> fileId(String text) {
        Matcher matcher = text == null ? null : SHAPE.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(matcher.group(3)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code text}, posted by {@code author} in {@code room}, announces {@code file}: its shape names the
     * file's id, name and size, and the author is the file's uploader in the file's room. Anyone may post a text of
     * that shape; only the uploader's own post in the room counts, so that nobody's post can take another's file.
     */
    public static boolean announces(String text, SipUri author, Room room, FileRecord file) {
        Matcher matcher = text == null ? null : SHAPE.matcher(text);
        return matcher != null
                && matcher.matches()
                && matcher.group(3).equals(file.id().toString())
                && matcher.group(1).equals(file.fileName())
                && matcher.group(2).equals(Long.toString(file.sizeBytes()))
                && file.uploader().equals(author)
                && file.room().id().equals(room.id());
    }
}
