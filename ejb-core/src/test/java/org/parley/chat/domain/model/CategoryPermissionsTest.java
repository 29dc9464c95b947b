package org.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.chat.domain.model.Fixtures.ADMIN;
import static org.parley.chat.domain.model.Fixtures.subject;
import static org.parley.chat.domain.model.Fixtures.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRole;
import org.parley.chat.domain.model.category.CategoryUri;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.model.user.Principal;
import org.parley.chat.domain.shared.ChatException;

class CategoryPermissionsTest {

    private final Category category = Fixtures.category("Engineering", true);

    @Test
    void nobodyIsAllowedUntilGranted() {
        assertThat(category.permitsMember(subject("sip:alice@contoso.com"))).isFalse();
    }

    @Test
    void aUserPrincipalAllowsThatUserOnly() {
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("sip:Alice@Contoso.com"));
        assertThat(category.permitsMember(subject("sip:alice@contoso.com"))).isTrue();
        assertThat(category.permitsMember(subject("sip:bob@contoso.com"))).isFalse();
    }

    @Test
    void aGroupPrincipalAllowsItsMembers() {
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("group:Developers"));
        assertThat(category.permitsMember(subject("sip:alice@contoso.com", "developers")))
                .isTrue();
        assertThat(category.permitsMember(subject("sip:bob@contoso.com", "sales")))
                .isFalse();
    }

    @Test
    void aDomainPrincipalAllowsEveryoneOfThatDomain() {
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("domain:contoso.com"));
        assertThat(category.permitsMember(subject("sip:alice@contoso.com"))).isTrue();
        assertThat(category.permitsMember(subject("sip:mallory@fabrikam.com"))).isFalse();
    }

    @Test
    void denyWinsOverAllow() {
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("domain:contoso.com"));
        category.grant(ADMIN, CategoryRole.DENIED_MEMBER, Principal.parse("group:contractors"));
        category.grant(ADMIN, CategoryRole.DENIED_MEMBER, Principal.parse("sip:eve@contoso.com"));
        assertThat(category.permitsMember(subject("sip:alice@contoso.com"))).isTrue();
        assertThat(category.permitsMember(subject("sip:carol@contoso.com", "contractors")))
                .isFalse();
        assertThat(category.permitsMember(subject("sip:eve@contoso.com"))).isFalse();
    }

    @Test
    void creatorsMustAlsoBeAllowedAndNotDenied() {
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("domain:contoso.com"));
        category.grant(ADMIN, CategoryRole.CREATOR, Principal.parse("group:leads"));
        category.grant(ADMIN, CategoryRole.CREATOR, Principal.parse("sip:mallory@fabrikam.com"));
        category.grant(ADMIN, CategoryRole.DENIED_MEMBER, Principal.parse("sip:dave@contoso.com"));
        assertThat(category.permitsCreator(subject("sip:alice@contoso.com", "leads")))
                .isTrue();
        assertThat(category.permitsCreator(subject("sip:bob@contoso.com"))).isFalse();
        assertThat(category.permitsCreator(subject("sip:mallory@fabrikam.com"))).isFalse();
        assertThat(category.permitsCreator(subject("sip:dave@contoso.com", "leads")))
                .isFalse();
    }

    @Test
    void onlyCreatorsAndAdministratorsCreateRooms() {
        category.grant(ADMIN, CategoryRole.ALLOWED_MEMBER, Principal.parse("domain:contoso.com"));
        category.grant(ADMIN, CategoryRole.CREATOR, Principal.parse("sip:alice@contoso.com"));
        assertThat(Fixtures.room(category, user("sip:alice@contoso.com"), Privacy.OPEN, RoomType.NORMAL)
                        .isManager(subject("sip:alice@contoso.com")))
                .isTrue();
        assertThat(Fixtures.room(category, ADMIN, Privacy.OPEN, RoomType.NORMAL))
                .isNotNull();
        assertThatThrownBy(() -> Fixtures.room(category, user("sip:bob@contoso.com"), Privacy.OPEN, RoomType.NORMAL))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(ChatException.Reason.FORBIDDEN);
    }

    @Test
    void onlyAdministratorsChangeCategories() {
        assertThatThrownBy(() -> category.grant(
                        user("sip:alice@contoso.com"),
                        CategoryRole.ALLOWED_MEMBER,
                        Principal.parse("sip:alice@contoso.com")))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason())
                .isEqualTo(ChatException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> Category.create(
                        user("sip:alice@contoso.com"),
                        new CategoryUri("contoso.com", UUID.randomUUID()),
                        category.settings(),
                        Fixtures.NOW))
                .isInstanceOf(ChatException.class);
    }

    @Test
    void theRootCategoryLetsTheWholeDomainInAndCreate() {
        Category root = Category.root(new CategoryUri("contoso.com", UUID.randomUUID()), Fixtures.NOW);
        assertThat(root.name()).isEqualTo(Category.ROOT_NAME);
        assertThat(root.permitsCreator(subject("sip:alice@contoso.com"))).isTrue();
        assertThat(root.permitsMember(subject("sip:mallory@fabrikam.com"))).isFalse();
    }

    @Test
    void principalsParseAndPrintInTheirWrittenForm() {
        assertThat(Principal.parse("SIP:Alice@Contoso.COM").toString()).isEqualTo("sip:alice@contoso.com");
        assertThat(Principal.parse("group: Dev  Team ").toString()).isEqualTo("group:dev team");
        assertThat(Principal.parse("domain:Contoso.com").toString()).isEqualTo("domain:contoso.com");
        assertThatThrownBy(() -> Principal.parse("alice")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> Principal.parse("domain:bad domain")).isInstanceOf(ChatException.class);
    }
}
