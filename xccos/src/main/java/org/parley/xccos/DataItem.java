package org.parley.xccos;

import java.time.Instant;
import java.util.List;

/** The elements that go inside a reply's or notice's data element (docs/protocol/xccos.md §6). */
public sealed interface DataItem {

    /** uib: a user, numbered within one reply so that aib lists can refer to it. */
    record UserInfo(Integer id, String uri, List<Affiliation> affiliations) implements DataItem {
        public UserInfo {
            affiliations = List.copyOf(affiliations);
        }

        public static UserInfo of(String uri) {
            return new UserInfo(null, uri, List.of());
        }

        public static UserInfo numbered(int id, String uri) {
            return new UserInfo(id, uri, List.of());
        }
    }

    /** aib: a list of uib ids with one role in a room, or (in notices) a room by GUID. */
    record Affiliation(String key, String value, String domain) implements DataItem {}

    /** info and prop children of a chanib. */
    record Property(String id, String value) {}

    /** chanib: a room, with as much detail as the reply needs. */
    record ChannelInfo(
            String uri,
            String name,
            String description,
            String topic,
            List<Property> infos,
            List<Property> props,
            List<Affiliation> affiliations,
            List<HistoryMessage> messages)
            implements DataItem {
        public ChannelInfo {
            infos = List.copyOf(infos);
            props = List.copyOf(props);
            affiliations = List.copyOf(affiliations);
            messages = List.copyOf(messages);
        }

        public static ChannelInfo uriOnly(String uri) {
            return history(uri, List.of());
        }

        /** A room named by its URI with only its history, as rpl:bccontext answers (§7.6). */
        public static ChannelInfo history(String uri, List<HistoryMessage> messages) {
            return new ChannelInfo(uri, null, null, null, List.of(), List.of(), List.of(), messages);
        }
    }

    /** chanib holding users, as ntc:part names who left a room (docs/protocol/xccos.md §8). */
    record ChannelUsers(String uri, List<UserInfo> users) implements DataItem {
        public ChannelUsers {
            users = List.copyOf(users);
        }
    }

    /**
     * msg id="grpchat": a stored message in history. {@code messageId} is the room's sequence
     * number [INF: an extra attribute, msgid, so a client can page back from it].
     */
    record HistoryMessage(String channelUri, String author, Instant time, String text, Long messageId)
            implements DataItem {}

    /** fib: a room a bjoin could not enter, instead of its chanib. */
    record FailureInfo(String key, String value, String domain) implements DataItem {}

    /**
     * sib: server information (docs/protocol/xccos.md §7.2).
     *
     * @param roomManagementUrl the page where clients create and manage rooms, or null for none (the attribute is
     *                          then left out, as a server without one would send it)
     */
    record ServerInfo(
            String infoType,
            Instant serverTime,
            int searchLimit,
            int messageSizeLimit,
            int storySizeLimit,
            String rootUri,
            String dbVersion,
            String roomManagementUrl)
            implements DataItem {}

    /** token: a one-use file transfer token and the web service that takes it (§7.9). */
    record FileToken(String token, String serverUri) implements DataItem {}

    /**
     * pref: a user's preference (§7.9): its label, its version ({@code seqid}) and its content in base64 [INF: the
     * reply's shape, mirrored from the request's].
     */
    record Preference(String label, long seqid, String content) implements DataItem {}

    /** inv: an invitation to a room [INF: shape of rpl:getinv not public, §12 q3]. */
    record InvitationInfo(long invitationId, String channelUri, String channelName, String inviter, Instant time)
            implements DataItem {}
}
