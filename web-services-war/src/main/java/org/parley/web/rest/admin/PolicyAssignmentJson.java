package org.parley.web.rest.admin;

import jakarta.validation.constraints.Size;

import org.parley.chat.domain.model.user.ChatPolicy;

/** @param policy the user's own policy; null, absent or blank puts the user back under Global */
public record PolicyAssignmentJson(
        @Size(max = ChatPolicy.MAX_NAME_LENGTH) String policy) {}
