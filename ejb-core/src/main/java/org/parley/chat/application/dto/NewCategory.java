package org.parley.chat.application.dto;

import java.util.Set;

import org.parley.chat.domain.model.category.CategorySettings;

/** A category to create, with its principal lists in written form (sip:..., group:..., domain:...). */
public record NewCategory(
        CategorySettings settings, Set<String> allowedMembers, Set<String> deniedMembers, Set<String> creators) {}
