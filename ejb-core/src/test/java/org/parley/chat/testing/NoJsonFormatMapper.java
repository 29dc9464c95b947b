package org.parley.chat.testing;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate builds a JSON mapper eagerly when it finds the JSON-B API on the class path (the Jakarta EE
 * API jar puts it there) and fails without an implementation, which only the server has. The chat and the
 * compliance store map no JSON, so the tests give it one that is never called.
 */
public class NoJsonFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("the stores map no JSON");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("the stores map no JSON");
    }
}
