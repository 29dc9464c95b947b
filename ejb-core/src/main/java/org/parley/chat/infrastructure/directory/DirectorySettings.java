package org.parley.chat.infrastructure.directory;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The enterprise directory's settings ({@link DirectorySetting}): the system properties {@code configure-directory.cli}
 * sets from {@code PARLEY_LDAP_*} (README, "Directory"). Without {@code parley.directory=ldap} there is no directory.
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

    public static DirectorySettings from(Properties properties) {
        boolean enabled = "ldap"
                .equals(properties
                        .getProperty(DirectorySetting.DIRECTORY, "file")
                        .strip()
                        .toLowerCase(Locale.ROOT));
        return new DirectorySettings(
                enabled,
                DirectorySetting.URL.in(properties),
                DirectorySetting.BIND_DN.in(properties),
                // As given: a password's spaces are its own.
                properties.getProperty(
                        DirectorySetting.BIND_PASSWORD.property(), DirectorySetting.BIND_PASSWORD.fallback()),
                DirectorySetting.USERS_DN.in(properties),
                DirectorySetting.GROUPS_DN.in(properties),
                DirectorySetting.SIP_ATTRIBUTE.in(properties),
                DirectorySetting.USER_FILTER.in(properties),
                DirectorySetting.GROUP_FILTER.in(properties),
                DirectorySetting.MEMBER_ATTRIBUTE.in(properties),
                DirectorySetting.ADMINS_GROUP.in(properties),
                Duration.ofSeconds(Long.parseLong(DirectorySetting.TIMEOUT_SECONDS.in(properties))));
    }

    public static Duration refreshInterval(Properties properties) {
        return Duration.ofSeconds(Math.max(1, Long.parseLong(DirectorySetting.REFRESH_SECONDS.in(properties))));
    }
}
