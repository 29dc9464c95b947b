package org.parley.chat.infrastructure.directory;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The enterprise directory's settings, read in one place: the system properties {@code configure-directory.cli} sets
 * from {@code PARLEY_LDAP_*} (README, "Directory"). Without {@code parley.directory=ldap} there is no directory.
 *
 * @param url            e.g. {@code ldap://dc1.contoso.com:389} or {@code ldaps://...:636}
 * @param bindDn         the account Parley reads the directory with
 * @param usersDn        where users are searched (subtree)
 * @param groupsDn       where groups are searched (subtree)
 * @param sipAttribute   the attribute holding a user's SIP address, with or without {@code sip:}
 *                       ({@code msRTCSIP-PrimaryUserAddress}, {@code mail})
 * @param userFilter     what an enabled user's entry matches (on Active Directory, with the disabled flag excluded)
 * @param groupFilter    what a group's entry matches
 * @param memberAttribute the attribute of a group naming its members (users and groups) by distinguished name
 * @param adminsGroup    the directory group whose members are Persistent Chat administrators (empty: none)
 */
public record DirectorySettings(
        boolean enabled,
        String url,
        String bindDn,
        String bindPassword,
        String usersDn,
        String groupsDn,
        String sipAttribute,
        String userFilter,
        String groupFilter,
        String memberAttribute,
        String adminsGroup,
        Duration timeout) {

    public static final String DIRECTORY = "parley.directory";
    /** Read on every tick of {@link DirectoryRefresh}, so that a running server can be switched (the tests do). */
    public static final String REFRESH_SECONDS = "parley.directory.refresh-seconds";

    public static final long DEFAULT_REFRESH_SECONDS = 300;

    public static DirectorySettings from(Properties properties) {
        boolean enabled =
                "ldap".equals(properties.getProperty(DIRECTORY, "file").strip().toLowerCase(Locale.ROOT));
        return new DirectorySettings(
                enabled,
                properties
                        .getProperty("parley.directory.url", "ldap://127.0.0.1:389")
                        .strip(),
                properties.getProperty("parley.directory.bind-dn", "").strip(),
                properties.getProperty("parley.directory.bind-password", ""),
                properties.getProperty("parley.directory.users-dn", "").strip(),
                properties.getProperty("parley.directory.groups-dn", "").strip(),
                properties.getProperty("parley.directory.sip-attribute", "mail").strip(),
                properties
                        .getProperty("parley.directory.user-filter", "(objectClass=person)")
                        .strip(),
                properties
                        .getProperty(
                                "parley.directory.group-filter",
                                "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=group))")
                        .strip(),
                properties
                        .getProperty("parley.directory.member-attribute", "member")
                        .strip(),
                properties.getProperty("parley.directory.admins-group", "").strip(),
                Duration.ofSeconds(Long.parseLong(properties
                        .getProperty("parley.directory.timeout-seconds", "5")
                        .strip())));
    }

    public static Duration refreshInterval(Properties properties) {
        long seconds = Long.parseLong(properties
                .getProperty(REFRESH_SECONDS, Long.toString(DEFAULT_REFRESH_SECONDS))
                .strip());
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
