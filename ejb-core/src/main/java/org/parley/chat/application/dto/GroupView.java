package org.parley.chat.application.dto;

import java.util.List;

import org.parley.chat.domain.model.user.SipUri;
import org.parley.chat.domain.model.user.UserGroup;

/** @param principal how categories and rooms refer to the group, e.g. {@code group:engineering} */
public record GroupView(String name, String description, String principal, List<String> members) {

    public static GroupView of(UserGroup group) {
        return new GroupView(
                group.name(),
                group.description(),
                group.principal().toString(),
                group.members().stream().map(SipUri::value).sorted().toList());
    }
}
