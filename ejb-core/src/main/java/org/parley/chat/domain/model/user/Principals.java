package org.parley.chat.domain.model.user;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;

/**
 * One role list of a room or a category (its members, managers, creators, ...): the principals it is granted
 * to, and whether a user is among them. Each list has its own table, which the owner names with an
 * {@code @AssociationOverride} on {@value #PATH}; the principal column is the same in every one.
 */
@Embeddable
public class Principals {

    /** The attribute the owner overrides the table of, and queries join. */
    public static final String PATH = "principals";

    @ElementCollection
    @Column(name = "principal", nullable = false, length = Principal.MAX_LENGTH)
    private Set<Principal> principals = new HashSet<>();

    public Principals() {}

    public boolean matches(Subject subject) {
        return subject.matchesAny(principals);
    }

    public boolean contains(Principal principal) {
        return principals.contains(principal);
    }

    public int size() {
        return principals.size();
    }

    public void add(Principal principal) {
        principals.add(principal);
    }

    public void addAll(Set<Principal> more) {
        principals.addAll(more);
    }

    public void remove(Principal principal) {
        principals.remove(principal);
    }

    /**
     * Makes the list exactly {@code wanted} (an import that updates), changing the stored set in place so only
     * the differing rows are written.
     *
     * @return whether it changed
     */
    public boolean replaceWith(Set<Principal> wanted) {
        if (principals.equals(wanted)) {
            return false;
        }
        principals.retainAll(wanted);
        principals.addAll(wanted);
        return true;
    }

    /** A copy: the stored set changes only through the owner's rules. */
    public Set<Principal> toSet() {
        return Set.copyOf(principals);
    }
}
