package org.parley.chat.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.parley.chat.domain.model.user.Principal;

/** One column per principal, in its written form: role lists are then plain (owner, text) tables. */
@Converter(autoApply = true)
public class PrincipalConverter implements AttributeConverter<Principal, String> {

    @Override
    public String convertToDatabaseColumn(Principal principal) {
        return principal == null ? null : principal.toString();
    }

    @Override
    public Principal convertToEntityAttribute(String value) {
        return value == null ? null : Principal.parse(value);
    }
}
