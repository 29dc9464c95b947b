package org.parley.chat.application.dto;

import org.parley.chat.domain.model.user.ChatPolicy;

public record PolicyView(String name, boolean chatEnabled) {

    public static PolicyView of(ChatPolicy policy) {
        return new PolicyView(policy.name(), policy.enablesChat());
    }
}
