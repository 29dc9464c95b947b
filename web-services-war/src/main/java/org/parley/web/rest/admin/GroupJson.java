package org.parley.web.rest.admin;

import java.util.List;

import org.parley.chat.application.dto.GroupView;

/** @param principal how categories and rooms name the group in their lists, e.g. {@code group:engineering} */
public record GroupJson(String name, String description, String principal, List<String> members) {

    static GroupJson of(GroupView group) {
        return new GroupJson(group.name(), group.description(), group.principal(), group.members());
    }
}
