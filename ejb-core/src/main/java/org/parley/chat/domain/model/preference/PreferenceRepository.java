package org.parley.chat.domain.model.preference;

import java.util.Optional;

import org.parley.chat.domain.model.user.SipUri;

public interface PreferenceRepository {

    Optional<Preference> find(SipUri user, String label);

    void add(Preference preference);

    /** Makes the store's version of a preference just changed visible (its seqid) before the transaction ends. */
    void flush();
}
