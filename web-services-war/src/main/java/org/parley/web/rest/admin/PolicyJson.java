package org.parley.web.rest.admin;

import org.parley.chat.application.dto.PolicyView;

/** A chat policy; {@code Global} is the one that applies to every user without a policy of their own. */
public record PolicyJson(String name, boolean chatEnabled) {

    static PolicyJson of(PolicyView policy) {
        return new PolicyJson(policy.name(), policy.chatEnabled());
    }
}
