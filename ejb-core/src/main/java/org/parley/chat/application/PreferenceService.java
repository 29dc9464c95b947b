package org.parley.chat.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.PreferenceView;
import org.parley.chat.domain.model.preference.Preference;
import org.parley.chat.domain.model.preference.PreferenceRepository;
import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.shared.ChatException;

/**
 * Users' preferences kept on the server for all their clients (XCCOS cmd:getpref / cmd:setpref). A user reads and
 * writes only their own, under the same rule as everything else they do in chat (their policy enables it).
 * Writes are last-writer-wins: what the client's seqid means on a write is not known from any capture (docs/protocol/xccos.md
 * §7.9), so a stale one is not refused [INF]; every write moves the version on, and the reply says to what.
 */
@Stateless
public class PreferenceService {

    @Inject
    Callers callers;

    @Inject
    PreferenceRepository preferences;

    public PreferenceService() {}

    PreferenceService(Callers callers, PreferenceRepository preferences) {
        this.callers = callers;
        this.preferences = preferences;
    }

    /**
     * @param createDefault make an empty preference when there is none (the client's createdefault) instead of
     *                      answering that there is none
     */
    public PreferenceView get(String userUri, String label, boolean createDefault) {
        SipUri user = callers.participant(userUri).uri();
        String key = Preference.label(label);
        Preference found = preferences.find(user, key).orElse(null);
        if (found == null) {
            if (!createDefault) {
                throw ChatException.notFound("no preference " + key);
            }
            found = Preference.create(user, key, "");
            preferences.add(found);
            preferences.flush();
        }
        return PreferenceView.of(found);
    }

    public PreferenceView set(String userUri, String label, String content) {
        SipUri user = callers.participant(userUri).uri();
        String key = Preference.label(label);
        Preference preference = preferences.find(user, key).orElse(null);
        if (preference == null) {
            preference = Preference.create(user, key, content);
            preferences.add(preference);
        } else {
            preference.replace(content);
        }
        preferences.flush();
        return PreferenceView.of(preference);
    }
}
