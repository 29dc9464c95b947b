package org.parley.chat.application;

import org.parley.chat.application.dto.PostedMessage;
import org.parley.chat.domain.shared.ChatException;

/** What became of one post of a batch: stored (and published once committed), or refused by the rules. */
public record PostOutcome(PostedMessage posted, ChatException refusal) {

    static PostOutcome stored(PostedMessage posted) {
        return new PostOutcome(posted, null);
    }

    static PostOutcome refused(ChatException refusal) {
        return new PostOutcome(null, refusal);
    }
}
