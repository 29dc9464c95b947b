package org.parley.chat.application.dto;

import org.parley.chat.domain.model.addin.AddIn;

public record AddInView(String name, String url, long version) {

    public static AddInView of(AddIn addIn) {
        return new AddInView(addIn.name(), addIn.url(), addIn.version());
    }
}
