package org.parley.chat.infrastructure.directory;

import java.util.Locale;

import org.parley.chat.application.Setting;

/**
 * Every setting ({@link Setting}) of the enterprise directory the chat service reads, with its system property and its
 * default, in one place: {@link DirectorySettings} reads them from here. wildfly-config's {@code configure-directory.cli}
 * sets each from its {@code PARLEY_LDAP_*} environment variable with the same default ({@code DirectorySettingTest}
 * checks that it does). The defaults are the script's: the sample directory of docs/directory (development only; a
 * real directory sets every one). The script's login attribute and users group are Elytron's (web sign-in), not
 * read here.
 */
public enum DirectorySetting implements Setting {
    URL("parley.directory.url", "ldap://127.0.0.1:3389"),
    BIND_DN("parley.directory.bind-dn", "cn=parley,ou=services,dc=contoso,dc=com"),
    BIND_PASSWORD("parley.directory.bind-password", "parley-reader"),
    USERS_DN("parley.directory.users-dn", "ou=people,dc=contoso,dc=com"),
    GROUPS_DN("parley.directory.groups-dn", "ou=groups,dc=contoso,dc=com"),
    SIP_ATTRIBUTE("parley.directory.sip-attribute", "mail"),
    USER_FILTER("parley.directory.user-filter", "(&(objectClass=person)(!(shadowExpire=1)))"),
    GROUP_FILTER("parley.directory.group-filter", "(|(objectClass=groupOfNames)(objectClass=group))"),
    MEMBER_ATTRIBUTE("parley.directory.member-attribute", "member"),
    ADMINS_GROUP("parley.directory.admins-group", "chat-admins"),
    /** Read on every tick of {@link DirectoryRefresh}, so that a running server can be switched (the tests do). */
    REFRESH_SECONDS("parley.directory.refresh-seconds", "300"),
    TIMEOUT_SECONDS("parley.directory.timeout-seconds", "5");

    /** Whether there is a directory at all: {@code ldap}, as configure-directory.cli sets it (no variable). */
    public static final String DIRECTORY = "parley.directory";

    private static final String PREFIX = DIRECTORY + ".";

    private final String property;
    private final String fallback;

    DirectorySetting(String property, String fallback) {
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

    /** {@code PARLEY_LDAP_} and the rest of the property's name: the directory's variables say what they are for. */
    @Override
    public String environmentVariable() {
        return "PARLEY_LDAP_"
                + property.substring(PREFIX.length()).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
