package org.parley.chat.application;

/**
 * Every setting ({@link Setting}) the chat service reads, with its system property and its default, in one place: the settings
 * records ({@link ChatConfiguration}, {@link FileTransferSettings}, the pool's, the file store's, compliance's
 * switch) read them from here and nowhere else. wildfly-config's {@code configure-system-properties.cli} sets each
 * from its environment variable with the same default ({@code ChatSettingTest} checks that it does).
 */
public enum ChatSetting implements Setting {
    DOMAIN("parley.sip.domain", "contoso.com"),
    /** The user of the lookup endpoint clients find first (sip:ocschat@domain), as in a Lync 2013 pool. */
    LOOKUP_USER("parley.chat.lookup-user", "ocschat"),
    /** The user of the chat endpoint that rpl:requri and provisioning name, as in a Lync 2013 pool. */
    ENDPOINT_USER("parley.chat.endpoint-user", "GC-1-PersistentChatService-1"),
    STORY_SIZE_LIMIT("parley.chat.story-size-limit", "4096"),
    SEARCH_LIMIT("parley.chat.search-limit", "999"),
    HISTORY_PAGE_LIMIT("parley.chat.history-page-limit", "500"),
    /** 20 MB, the product's MaxFileSizeKB default (20,000 KB). */
    MAX_FILE_SIZE("parley.chat.max-file-size-bytes", "20480000"),
    GLOBAL_POLICY_ENABLED("parley.chat.global-policy-enabled", "true"),
    /** The development administrator; a production install names its own (README, "Server configuration"). */
    ADMINISTRATORS("parley.chat.administrators", "sip:admin@contoso.com"),
    MANAGERS_MAY_DELETE_ROOMS("parley.chat.managers-may-delete-rooms", "false"),
    BACKCHAT_DEFAULT_COUNT("parley.chat.backchat-default-count", "25"),
    PARTICIPANT_LIST_LIMIT("parley.chat.participant-list-limit", "75"),
    ROOM_MANAGEMENT_URL("parley.chat.room-management-url", ""),
    /** No default: without it there is nowhere safe to put files (the CLI puts them in the server's data dir). */
    FILE_STORE_DIR("parley.filestore.dir", null),
    FILE_STORE_CLEANUP_INTERVAL_SECONDS("parley.filestore.cleanup-interval-seconds", "3600"),
    FILE_STORE_ORPHAN_GRACE_SECONDS("parley.filestore.orphan-grace-seconds", "3600"),
    FILE_TOKEN_TTL_SECONDS("parley.filetoken.ttl-seconds", "300"),
    FILE_TOKEN_SERVER_URI("parley.filetoken.server-uri", "http://127.0.0.1:8080/parley/api/v1/filetokens"),
    /** How long a web client's session outlives its dropped event stream (so a blip is no leave and join). */
    WEB_SESSION_GRACE_SECONDS("parley.web.session-grace-seconds", "30"),
    POOL_ENABLED("parley.pool.enabled", "false"),
    COMPLIANCE_ENABLED("parley.compliance.enabled", "false"),
    /** No default, as the file store's. */
    COMPLIANCE_FILE_STORE_DIR("parley.compliance.filestore.dir", null);

    private final String property;
    private final String fallback;

    ChatSetting(String property, String fallback) {
        this.property = property;
        this.fallback = fallback;
    }

    @Override
    public String property() {
        return property;
    }

    @Override
    public String fallback() {
        return fallback;
    }
}
