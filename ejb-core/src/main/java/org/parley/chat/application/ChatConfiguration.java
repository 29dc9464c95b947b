package org.parley.chat.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.parley.chat.domain.model.message.Message;
import org.parley.chat.domain.model.user.SipUri;

/**
 * The chat store's settings, from system properties (set by wildfly-config's CLI scripts, or -D).
 *
 * @param domain               the SIP domain served: room and category URIs, the Root category's audience
 * @param storySizeLimit       the longest message text accepted, in characters (XCCOS storySizeLimit)
 * @param searchLimit          the most rooms one search returns (XCCOS searchLimit)
 * @param historyPageLimit     the most messages one history read returns
 * @param maxFileSizeBytes     the largest file whose metadata is accepted
 * @param globalPolicyEnabled  what the Global policy says when the store is created; later changes are
 *                             made through PolicyService and kept in the store
 * @param administrators       users made Persistent Chat administrators at every start (never revoked there)
 * @param managersMayDeleteRooms whether a room's managers may delete it (administrators always may); off as in
 *                             Lync, where only Remove-CsPersistentChatRoom deleted a room
 * @param backChatDefaultCount the messages a history read (XCCOS bccontext) returns when the client names no count
 * @param participantListLimit the most participants a join's reply lists (Lync listed at most 75 to a client; the
 *                             joining user is always among them)
 * @param roomManagementUrl    the web page clients open to create and manage rooms (Lync's RoomManagementUrl), an
 *                             absolute http or https URL; empty (Lync's default) gives clients none, and they use
 *                             their own room management
 */
public record ChatConfiguration(String domain, int storySizeLimit, int searchLimit, int historyPageLimit,
                                long maxFileSizeBytes, boolean globalPolicyEnabled, Set<SipUri> administrators,
                                boolean managersMayDeleteRooms, int backChatDefaultCount, int participantListLimit,
                                String roomManagementUrl) {

    public static final String DOMAIN = "parley.sip.domain";
    public static final String STORY_SIZE_LIMIT = "parley.chat.story-size-limit";
    public static final String SEARCH_LIMIT = "parley.chat.search-limit";
    public static final String HISTORY_PAGE_LIMIT = "parley.chat.history-page-limit";
    public static final String MAX_FILE_SIZE = "parley.chat.max-file-size-bytes";
    public static final String GLOBAL_POLICY_ENABLED = "parley.chat.global-policy-enabled";
    public static final String ADMINISTRATORS = "parley.chat.administrators";
    public static final String MANAGERS_MAY_DELETE_ROOMS = "parley.chat.managers-may-delete-rooms";
    public static final String BACKCHAT_DEFAULT_COUNT = "parley.chat.backchat-default-count";
    public static final String PARTICIPANT_LIST_LIMIT = "parley.chat.participant-list-limit";
    public static final String ROOM_MANAGEMENT_URL = "parley.chat.room-management-url";

    public ChatConfiguration {
        if (storySizeLimit < 1 || storySizeLimit > Message.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(STORY_SIZE_LIMIT + " must be 1.." + Message.MAX_TEXT_LENGTH
                    + " (the message column's size), not " + storySizeLimit);
        }
        if (searchLimit < 1 || historyPageLimit < 1 || maxFileSizeBytes < 0 || backChatDefaultCount < 0
                || participantListLimit < 1) {
            throw new IllegalArgumentException("chat limits must be positive");
        }
        administrators = Set.copyOf(administrators);
        roomManagementUrl = roomManagementUrl == null ? "" : roomManagementUrl.strip();
        requireWebUrl(roomManagementUrl);
    }

    /** The product's defaults for the server options: managers may not delete rooms, 25 messages, 75 listed. */
    public ChatConfiguration(String domain, int storySizeLimit, int searchLimit, int historyPageLimit,
                             long maxFileSizeBytes, boolean globalPolicyEnabled, Set<SipUri> administrators) {
        this(domain, storySizeLimit, searchLimit, historyPageLimit, maxFileSizeBytes, globalPolicyEnabled,
                administrators, false, 25, 75);
    }

    /** No room management URL given to clients, the product's default. */
    public ChatConfiguration(String domain, int storySizeLimit, int searchLimit, int historyPageLimit,
                             long maxFileSizeBytes, boolean globalPolicyEnabled, Set<SipUri> administrators,
                             boolean managersMayDeleteRooms, int backChatDefaultCount, int participantListLimit) {
        this(domain, storySizeLimit, searchLimit, historyPageLimit, maxFileSizeBytes, globalPolicyEnabled,
                administrators, managersMayDeleteRooms, backChatDefaultCount, participantListLimit, "");
    }

    /** The room management page to give clients, if there is one. */
    public Optional<String> roomManagement() {
        return roomManagementUrl.isEmpty() ? Optional.empty() : Optional.of(roomManagementUrl);
    }

    /**
     * A client opens the URL in a browser: anything but an absolute http(s) URL with a host would be a link that goes
     * nowhere (or somewhere unexpected, such as a file: URL), so the server refuses to start with it.
     */
    private static void requireWebUrl(String url) {
        if (url.isEmpty()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ROOM_MANAGEMENT_URL + " is not a URL (" + e.getMessage() + "): " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(ROOM_MANAGEMENT_URL
                    + " must be an absolute http or https URL with a host (or empty for none), not " + url);
        }
    }

    /**
     * Defaults: storySizeLimit and searchLimit as the original server advertised (PROTOCOL.md §11), files
     * up to 20 MB (the product's MaxFileSizeKB default), the Global policy enabling chat (see README: a
     * production install that wants opt-in chat sets {@value #GLOBAL_POLICY_ENABLED}=false before its first
     * start), no administrators, no room management URL.
     */
    public static ChatConfiguration from(Properties properties) {
        return new ChatConfiguration(
                properties.getProperty(DOMAIN, "contoso.com").strip(),
                Integer.parseInt(properties.getProperty(STORY_SIZE_LIMIT, "4096").strip()),
                Integer.parseInt(properties.getProperty(SEARCH_LIMIT, "999").strip()),
                Integer.parseInt(properties.getProperty(HISTORY_PAGE_LIMIT, "500").strip()),
                Long.parseLong(properties.getProperty(MAX_FILE_SIZE, String.valueOf(20_000L * 1024)).strip()),
                Boolean.parseBoolean(properties.getProperty(GLOBAL_POLICY_ENABLED, "true").strip()),
                Arrays.stream(properties.getProperty(ADMINISTRATORS, "").split(","))
                        .map(String::strip).filter(uri -> !uri.isEmpty())
                        .map(SipUri::parse).collect(Collectors.toSet()),
                Boolean.parseBoolean(properties.getProperty(MANAGERS_MAY_DELETE_ROOMS, "false").strip()),
                Integer.parseInt(properties.getProperty(BACKCHAT_DEFAULT_COUNT, "25").strip()),
                Integer.parseInt(properties.getProperty(PARTICIPANT_LIST_LIMIT, "75").strip()),
                properties.getProperty(ROOM_MANAGEMENT_URL, ""));
    }
}
