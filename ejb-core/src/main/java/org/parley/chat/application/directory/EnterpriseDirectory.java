package org.parley.chat.application.directory;

import java.util.Optional;

import org.parley.chat.domain.model.user.SipUri;

/**
 * The enterprise directory (LDAP, Active Directory) as the chat service needs it: who a SIP user is there. A port:
 * the LDAP adapter is {@code infrastructure.directory.LdapDirectory}; without a directory ({@link #NONE}) Parley
 * keeps its own users and groups only.
 */
public interface EnterpriseDirectory {

    /** No directory: nobody is looked up, everybody may sign in as before. */
    EnterpriseDirectory NONE = new EnterpriseDirectory() {
        @Override
        public boolean inUse() {
            return false;
        }

        @Override
        public Optional<DirectoryEntry> find(SipUri user) {
            return Optional.empty();
        }
    };

    boolean inUse();

    /**
     * The user's entry, found by the user's SIP address, with the groups it is in (nested groups resolved) and the
     * units above it.
     *
     * @return empty when the directory has no such user
     * @throws DirectoryUnavailableException when the directory could not be asked
     */
    Optional<DirectoryEntry> find(SipUri user);
}
