package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.sip.servlet.SipServlet;
import org.parley.sip.servlet.SipServletMapping;
import org.parley.sip.servlet.SipServletRequest;

class ServletRegistryTest {

    @SipServletMapping(users = {"ocschat", "GC-1-PersistentChatService-1"})
    static class Chat extends SipServlet {
        @Override
        protected void doInvite(SipServletRequest request) {}

        @Override
        protected void doInfo(SipServletRequest request) {}
    }

    @SipServletMapping(defaultServlet = true)
    static class Fallback extends SipServlet {}

    static class Unannotated extends SipServlet {}

    private final Chat chat = new Chat();
    private final Fallback fallback = new Fallback();

    @Test
    void mapsUsersCaseInsensitivelyAndFallsBackToTheDefault() {
        ServletRegistry registry = new ServletRegistry(Set.of("contoso.com"));
        registry.add(chat);
        registry.add(fallback);
        assertThat(registry.resolve(uri("sip:OCSCHAT@contoso.com"))).isSameAs(chat);
        assertThat(registry.resolve(uri("sip:gc-1-persistentchatservice-1@Contoso.COM;transport=tcp")))
                .isSameAs(chat);
        assertThat(registry.resolve(uri("sip:alice@contoso.com"))).isSameAs(fallback);
        assertThat(registry.resolve(uri("sip:ocschat@other.org"))).isNull();
        assertThat(registry.resolve(uri("tel:+123"))).isNull();
    }

    @Test
    void withoutDomainsEveryHostIsServed() {
        ServletRegistry registry = new ServletRegistry(Set.of());
        registry.add(chat);
        assertThat(registry.resolve(uri("sip:ocschat@10.0.0.1:5060"))).isSameAs(chat);
        assertThat(registry.resolve(uri("sip:alice@10.0.0.1"))).isNull();
    }

    @Test
    void refusesDoubleMappingsAndUnannotatedServlets() {
        ServletRegistry registry = new ServletRegistry(Set.of());
        registry.add(chat);
        assertThatThrownBy(() -> registry.add(new Chat())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> registry.add(new Unannotated())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowListsOverriddenMethodsAndWhatTheLayerAnswers() {
        assertThat(chat.getAllowedMethods())
                .containsExactlyInAnyOrder("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "UPDATE");
        assertThat(fallback.getAllowedMethods()).containsExactlyInAnyOrder("ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE");
    }

    private static org.parley.sip.servlet.URI uri(String text) {
        return JainUri.of(Parsing.uri(text));
    }
}
