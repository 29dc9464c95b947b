package org.parley.xccos;

import java.util.List;

/** The commands (cmd elements) a client sends, one record per command. */
public sealed interface Command extends Inbound {

    /** The command's wire id, e.g. {@code cmd:join}. */
    String id();

    /** The id of its reply, e.g. {@code rpl:join}. */
    default String replyId() {
        String id = id();
        return "rpl:" + (id.startsWith("cmd:") ? id.substring("cmd:".length()) : id);
    }

    /** cmd:requri: where is the chat server? (docs/protocol/xccos.md §7.1) */
    record RequestUri(CommandRef ref) implements Command {
        public String id() {
            return "cmd:requri";
        }
    }

    /** cmd:getserverinfo: limits, server time, root category (§7.2). */
    record GetServerInfo(CommandRef ref, String domain, String infoType) implements Command {
        public String id() {
            return "cmd:getserverinfo";
        }

        @Override
        public String replyId() {
            return XccosNames.REPLY_GETSERVERINFO;
        }
    }

    /** cmd:getinv: invitations with an id above {@code afterInvitationId} (§7.3). */
    record GetInvitations(CommandRef ref, long afterInvitationId, String domain) implements Command {
        public String id() {
            return "cmd:getinv";
        }
    }

    /** cmd:chansrch (§7.4). An empty criteria asks for every room the user may see. */
    record ChannelSearch(CommandRef ref, String queryType, String criteria, boolean extended) implements Command {
        public String id() {
            return "cmd:chansrch";
        }
    }

    /** cmd:join (one room) and cmd:bjoin (several, failures reported per room) (§7.5). */
    record Join(CommandRef ref, boolean batch, List<ChannelId> channels) implements Command {
        public Join {
            channels = List.copyOf(channels);
        }

        public String id() {
            return batch ? "cmd:bjoin" : "cmd:join";
        }
    }

    /**
     * cmd:bccontext: the last {@code count} messages of a room (§7.6); null when the client names no count (the
     * server's default applies). {@code beforeMessageId}, when present, pages further back [INF: our own query form,
     * bcq/before].
     */
    record BackChatContext(CommandRef ref, String channelUri, Integer count, Long beforeMessageId) implements Command {
        public String id() {
            return "cmd:bccontext";
        }
    }

    /** cmd:part: leave a room (§7.7). */
    record Part(CommandRef ref, String channelUri) implements Command {
        public String id() {
            return "cmd:part";
        }
    }

    /** cmd:getassociations: the rooms the user belongs to [INF: shape not public, §12 q2]. */
    record GetAssociations(CommandRef ref) implements Command {
        public String id() {
            return "cmd:getassociations";
        }
    }

    /** cmd:getfutok / cmd:getfdtok: a one-use token for a file upload or download (§7.9). */
    record GetFileToken(CommandRef ref, boolean upload, String channelUri, String fileUrl) implements Command {
        public String id() {
            return upload ? "cmd:getfutok" : "cmd:getfdtok";
        }

        @Override
        public String replyId() {
            return XccosNames.REPLY_GETFILETOKEN;
        }
    }

    /** cmd:nodespermcreatechild: may the user create rooms? (§7.9) */
    record CreatePermission(CommandRef ref) implements Command {
        public String id() {
            return "cmd:nodespermcreatechild";
        }
    }

    /**
     * cmd:getpref: one of the user's preferences stored on the server, by label (§7.9). {@code createDefault}: the
     * client asks for an empty preference to be made when there is none [INF: from the 2010 client's
     * createdefault="true"]. {@code seqid} is the pref element's own (the preference's version as the client knows
     * it), not the command's.
     */
    record GetPreference(CommandRef ref, String label, String seqid, boolean createDefault) implements Command {
        public String id() {
            return "cmd:getpref";
        }
    }

    /** cmd:setpref: stores one of the user's preferences; {@code content} is the base64 text the client sent (§7.9). */
    record SetPreference(CommandRef ref, String label, String seqid, String content) implements Command {
        public String id() {
            return "cmd:setpref";
        }
    }

    /**
     * cmd:msgsrch: full-text search in the history of the rooms the user may read.
     * [INF: our own command; no capture of a real one exists.]
     */
    record MessageSearch(CommandRef ref, String text, String channelUri, int limit) implements Command {
        public String id() {
            return "cmd:msgsrch";
        }
    }

    /** Any other command: answered with an error reply, never with silence (§7.9). */
    record Unknown(CommandRef ref, String id) implements Command {}
}
