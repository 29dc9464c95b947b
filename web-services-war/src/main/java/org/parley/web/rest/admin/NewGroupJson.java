package org.parley.web.rest.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.parley.chat.domain.model.user.UserGroup;

public record NewGroupJson(
        @NotBlank @Size(max = UserGroup.MAX_NAME_LENGTH) String name,
        @Size(max = UserGroup.MAX_DESCRIPTION_LENGTH) String description) {}
