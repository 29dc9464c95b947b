package org.parley.chat.domain.model.user;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A user as permissions see them: the address, the keys of the groups the user belongs to (Parley's own and the
 * enterprise directory's), and the organisational units of the directory the user's entry is under (in
 * {@link Principal#normalDn} form), resolved once per request so every rule can be checked without going back to
 * the store or the directory.
 */
public record Subject(SipUri uri, Set<String> groupKeys, Set<String> units) {

    public Subject {
        groupKeys = Set.copyOf(groupKeys);
        units = Set.copyOf(units);
    }

    /** A user the directory knows nothing of (or no directory): groups only. */
    public Subject(SipUri uri, Set<String> groupKeys) {
        this(uri, groupKeys, Set.of());
    }

    public boolean matches(Principal principal) {
        return switch (principal.kind()) {
            case USER -> principal.name().equals(uri.value());
            case GROUP -> groupKeys.contains(principal.name());
            case DOMAIN -> principal.name().equals(uri.domain());
            case UNIT -> units.contains(principal.name());
        };
    }

    public boolean matchesAny(Collection<Principal> principals) {
        return principals.stream().anyMatch(this::matches);
    }

    /** Every principal this user is matched by; what queries look for in the stored role sets. */
    public Set<Principal> principals() {
        Set<Principal> all = new HashSet<>();
        all.add(Principal.user(uri));
        all.add(new Principal(Principal.Kind.DOMAIN, uri.domain()));
        groupKeys.forEach(key -> all.add(new Principal(Principal.Kind.GROUP, key)));
        units.forEach(unit -> all.add(new Principal(Principal.Kind.UNIT, unit)));
        return Set.copyOf(all);
    }
}
