package org.parley.chat.application;

import java.time.Duration;
import java.util.Properties;

/**
 * How file transfer tokens (XCCOS cmd:getfutok / cmd:getfdtok) are issued, from system properties set by
 * configure-system-properties.cli.
 *
 * @param tokenLifetime how long a token may wait for its redemption
 * @param serverUri     the web service address handed to clients with each token ({@code serveruri}); the
 *                      token is appended to it as a path segment
 */
public record FileTransferSettings(Duration tokenLifetime, String serverUri) {

    public static final String TOKEN_LIFETIME = ChatSetting.FILE_TOKEN_TTL_SECONDS.property();
    public static final String SERVER_URI = ChatSetting.FILE_TOKEN_SERVER_URI.property();

    public FileTransferSettings {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException(TOKEN_LIFETIME + " must be positive, not " + tokenLifetime);
        }
        if (serverUri == null || serverUri.isBlank()) {
            throw new IllegalArgumentException(SERVER_URI + " must name the file token web service");
        }
    }

    /** Defaults: five minutes, the web services of a server on this machine. */
    public static FileTransferSettings from(Properties properties) {
        return new FileTransferSettings(
                Duration.ofSeconds(Long.parseLong(ChatSetting.FILE_TOKEN_TTL_SECONDS.in(properties))),
                ChatSetting.FILE_TOKEN_SERVER_URI.in(properties));
    }
}
