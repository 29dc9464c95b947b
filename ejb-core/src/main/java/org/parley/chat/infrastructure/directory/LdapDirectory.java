package org.parley.chat.infrastructure.directory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.parley.chat.application.directory.DirectoryEntry;
import org.parley.chat.application.directory.DirectoryUnavailableException;
import org.parley.chat.application.directory.EnterpriseDirectory;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.Texts;

/**
 * The enterprise directory over LDAP (JNDI's provider, pooled connections). A user is found by the SIP address
 * attribute, stored with or without {@code sip:} ({@code msRTCSIP-PrimaryUserAddress} holds
 * {@code sip:alice@contoso.com}, {@code mail} holds {@code alice@contoso.com}); the groups are those naming the user
 * as a member, then those naming these groups, and so on ({@value #MAX_NESTING} levels at most, each group once,
 * so a cycle ends), since neither OpenLDAP nor a portable filter resolves nesting for us. Every value that goes
 * into a filter is escaped (RFC 4515).
 */
public class LdapDirectory implements EnterpriseDirectory {

    static final int MAX_NESTING = 10;

    private final DirectorySettings settings;

    public LdapDirectory(DirectorySettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean inUse() {
        return true;
    }

    @Override
    public Optional<DirectoryEntry> find(SipUri user) {
        DirContext context = connect();
        try {
            String address = user.value().substring(user.value().indexOf(':') + 1);
            String byAddress = "(|(" + settings.sipAttribute() + "=" + escape("sip:" + address) + ")("
                    + settings.sipAttribute() + "=" + escape(address) + "))";
            List<SearchResult> found = search(context, settings.usersDn(), byAddress, SearchControls.SUBTREE_SCOPE);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            String dn = found.get(0).getNameInNamespace();
            boolean enabled = !search(context, dn, settings.userFilter(), SearchControls.OBJECT_SCOPE)
                    .isEmpty();
            Set<String> groupKeys = new HashSet<>();
            String adminsKey = settings.adminsGroup().isEmpty() ? null : Texts.key(settings.adminsGroup());
            Set<String> visited = new HashSet<>();
            Deque<String> members = new ArrayDeque<>(List.of(dn));
            for (int level = 0; level < MAX_NESTING && !members.isEmpty(); level++) {
                Deque<String> next = new ArrayDeque<>();
                for (String member : members) {
                    String filter = "(&" + settings.groupFilter() + "(" + settings.memberAttribute() + "="
                            + escape(member) + "))";
                    for (SearchResult group :
                            search(context, settings.groupsDn(), filter, SearchControls.SUBTREE_SCOPE)) {
                        String groupDn = group.getNameInNamespace();
                        if (visited.add(Principal.normalDn(groupDn))) {
                            groupKeys.add(Texts.key(groupName(group, groupDn)));
                            next.add(groupDn);
                        }
                    }
                }
                members = next;
            }
            return Optional.of(new DirectoryEntry(
                    Principal.normalDn(dn),
                    enabled,
                    groupKeys,
                    unitsAbove(dn),
                    adminsKey != null && groupKeys.contains(adminsKey)));
        } catch (NamingException e) {
            throw new DirectoryUnavailableException(
                    "the directory at " + settings.url() + " could not be searched for " + user + ": " + e, e);
        } finally {
            close(context);
        }
    }

    /** Every entry above the user's: {@code ou=sales,ou=people,dc=contoso,dc=com}, {@code ou=people,dc=...}, .... */
    static Set<String> unitsAbove(String dn) throws NamingException {
        LdapName name = new LdapName(dn);
        Set<String> units = new HashSet<>();
        for (int size = name.size() - 1; size > 0; size--) {
            units.add(Principal.normalDn(name.getPrefix(size).toString()));
        }
        return units;
    }

    /** The group's {@code cn}, else its RDN's value. */
    private static String groupName(SearchResult group, String dn) throws NamingException {
        Attribute cn = group.getAttributes().get("cn");
        if (cn != null && cn.get() != null) {
            return cn.get().toString();
        }
        List<Rdn> rdns = new LdapName(dn).getRdns();
        return rdns.get(rdns.size() - 1).getValue().toString();
    }

    private static List<SearchResult> search(DirContext context, String base, String filter, int scope)
            throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(scope);
        controls.setReturningAttributes(new String[] {"cn"});
        NamingEnumeration<SearchResult> results = context.search(base, filter, controls);
        try {
            return java.util.Collections.list(results);
        } finally {
            results.close();
        }
    }

    private DirContext connect() {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, settings.url());
        if (!settings.bindDn().isEmpty()) {
            environment.put(Context.SECURITY_AUTHENTICATION, "simple");
            environment.put(Context.SECURITY_PRINCIPAL, settings.bindDn());
            environment.put(Context.SECURITY_CREDENTIALS, settings.bindPassword());
        }
        // Referrals are not followed: Active Directory's point at other domains we have no credentials for.
        environment.put(Context.REFERRAL, "ignore");
        environment.put("com.sun.jndi.ldap.connect.pool", "true");
        environment.put(
                "com.sun.jndi.ldap.connect.timeout",
                Long.toString(settings.timeout().toMillis()));
        environment.put(
                "com.sun.jndi.ldap.read.timeout",
                Long.toString(settings.timeout().toMillis()));
        try {
            return new InitialLdapContext(environment, null);
        } catch (NamingException e) {
            throw new DirectoryUnavailableException(
                    "the directory at " + settings.url() + " cannot be reached: " + e, e);
        }
    }

    private static void close(DirContext context) {
        try {
            context.close();
        } catch (NamingException ignored) {
            // A pooled connection goes back to the pool; a broken one is dropped by the pool.
        }
    }

    /** RFC 4515 escaping of a value inside a filter. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\5c");
                case '*' -> escaped.append("\\2a");
                case '(' -> escaped.append("\\28");
                case ')' -> escaped.append("\\29");
                case '\0' -> escaped.append("\\00");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
