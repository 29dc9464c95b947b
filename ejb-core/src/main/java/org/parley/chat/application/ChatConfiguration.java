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
import org.parley.chat.domain.model.room.RoomUri;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

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
public record ChatConfiguration(
        String domain,
        int storySizeLimit,
        int searchLimit,
        int historyPageLimit,
        long maxFileSizeBytes,
        boolean globalPolicyEnabled,
        Set<SipUri> administrators,
        boolean managersMayDeleteRooms,
        int backChatDefaultCount,
        int participantListLimit,
        String roomManagementUrl) {

    public static final String DOMAIN = ChatSetting.DOMAIN.property();
    public static final String STORY_SIZE_LIMIT = ChatSetting.STORY_SIZE_LIMIT.property();
    public static final String SEARCH_LIMIT = ChatSetting.SEARCH_LIMIT.property();
    public static final String HISTORY_PAGE_LIMIT = ChatSetting.HISTORY_PAGE_LIMIT.property();
    public static final String MAX_FILE_SIZE = ChatSetting.MAX_FILE_SIZE.property();
    public static final String GLOBAL_POLICY_ENABLED = ChatSetting.GLOBAL_POLICY_ENABLED.property();
    public static final String ADMINISTRATORS = ChatSetting.ADMINISTRATORS.property();
    public static final String MANAGERS_MAY_DELETE_ROOMS = ChatSetting.MANAGERS_MAY_DELETE_ROOMS.property();
    public static final String BACKCHAT_DEFAULT_COUNT = ChatSetting.BACKCHAT_DEFAULT_COUNT.property();
    public static final String PARTICIPANT_LIST_LIMIT = ChatSetting.PARTICIPANT_LIST_LIMIT.property();
    public static final String ROOM_MANAGEMENT_URL = ChatSetting.ROOM_MANAGEMENT_URL.property();

    public ChatConfiguration {
        if (storySizeLimit < 1 || storySizeLimit > Message.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(STORY_SIZE_LIMIT + " must be 1.." + Message.MAX_TEXT_LENGTH
                    + " (the message column's size), not " + storySizeLimit);
        }
        if (searchLimit < 1
                || historyPageLimit < 1
                || maxFileSizeBytes < 0
                || backChatDefaultCount < 0
                || participantListLimit < 1) {
            throw new IllegalArgumentException("chat limits must be positive");
        }
        administrators = Set.copyOf(administrators);
        roomManagementUrl = roomManagementUrl == null ? "" : roomManagementUrl.strip();
        requireWebUrl(roomManagementUrl);
    }

    /**
     * A room of this server by its GUID, as the web services' paths name rooms ({@code /rooms/<guid>}): the room URI
     * the services take.
     */
    public String roomUri(String guid) {
        return RoomUri.of(domain, guid).toString();
    }

    /** The room management page to give clients, if there is one. */
    public Optional<String> roomManagement() {
        return roomManagementUrl.isEmpty() ? Optional.empty() : Optional.of(roomManagementUrl);
    }

    /**
     * A client opens the URL in a browser: anything but an absolute http(s) URL with a host would be a link that goes
     * nowhere (or somewhere unexpected, such as a file: URL), so the server refuses to start with it.
     */
    /** The one limit on a message's text, for a post and an administrator's rewrite alike: TOO_LARGE above it. */
    public void requireWithinStorySize(String text) {
        if (text != null && text.length() > storySizeLimit) {
            throw new ChatException(
                    ChatException.Reason.TOO_LARGE, "a message is limited to " + storySizeLimit + " characters");
        }
    }

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
     * The defaults ({@link ChatSetting}): storySizeLimit and searchLimit as the original server advertised
     * (docs/protocol/xccos.md §11), files up to 20 MB (the product's MaxFileSizeKB default), the Global policy enabling chat
     * (see README: a production install that wants opt-in chat sets parley.chat.global-policy-enabled=false before
     * its first start), the development administrator, no room management URL.
     */
    public static ChatConfiguration from(Properties properties) {
        return new ChatConfiguration(
                ChatSetting.DOMAIN.in(properties),
                Integer.parseInt(ChatSetting.STORY_SIZE_LIMIT.in(properties)),
                Integer.parseInt(ChatSetting.SEARCH_LIMIT.in(properties)),
                Integer.parseInt(ChatSetting.HISTORY_PAGE_LIMIT.in(properties)),
                Long.parseLong(ChatSetting.MAX_FILE_SIZE.in(properties)),
                Boolean.parseBoolean(ChatSetting.GLOBAL_POLICY_ENABLED.in(properties)),
                Arrays.stream(ChatSetting.ADMINISTRATORS.in(properties).split(","))
                        .map(String::strip)
                        .filter(uri -> !uri.isEmpty())
                        .map(SipUri::parse)
                        .collect(Collectors.toSet()),
                Boolean.parseBoolean(ChatSetting.MANAGERS_MAY_DELETE_ROOMS.in(properties)),
                Integer.parseInt(ChatSetting.BACKCHAT_DEFAULT_COUNT.in(properties)),
                Integer.parseInt(ChatSetting.PARTICIPANT_LIST_LIMIT.in(properties)),
                ChatSetting.ROOM_MANAGEMENT_URL.in(properties));
    }
}
