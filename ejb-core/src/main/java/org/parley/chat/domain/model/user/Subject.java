package org.parley.chat.domain.model.user;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A user as permissions see them: the address and the keys of the groups the user belongs to, resolved
 * once per request so every rule can be checked without going back to the store.
 */
public record Subject(SipUri uri, Set<String> groupKeys) {

    public Subject {
        groupKeys = Set.copyOf(groupKeys);
    }

    public boolean matches(Principal principal) {
        return switch (principal.kind()) {
            case USER -> principal.name().equals(uri.value());
            case GROUP -> groupKeys.contains(principal.name());
            case DOMAIN -> principal.name().equals(uri.domain());
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
        return Set.copyOf(all);
    }
}
