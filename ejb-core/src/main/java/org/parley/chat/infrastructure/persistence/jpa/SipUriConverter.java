package org.parley.chat.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.parley.chat.domain.model.user.SipUri;

@Converter(autoApply = true)
public class SipUriConverter implements AttributeConverter<SipUri, String> {

    @Override
    public String convertToDatabaseColumn(SipUri uri) {
        return uri == null ? null : uri.value();
    }

    @Override
    public SipUri convertToEntityAttribute(String value) {
        return value == null ? null : new SipUri(value);
    }
}
