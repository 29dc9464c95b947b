package org.parley.chat.application.dto;

import org.parley.chat.domain.model.preference.Preference;

/** @param seqid the preference's version; {@code content} base64, as the client sent it */
public record PreferenceView(String label, long seqid, String content) {

    public static PreferenceView of(Preference preference) {
        return new PreferenceView(preference.label(), preference.version(), preference.content());
    }
}
