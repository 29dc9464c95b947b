package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.PolicyService;
import org.parley.chat.application.PostService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.CategoryView;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.application.dto.RoomView;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.shared.ChatException;

/**
 * The Persistent Chat Store inside the deployed EAR, on the server's real datasource (H2 by
 * default, PostgreSQL under -Ppostgresql): the services, their rules and the schema Flyway made.
 * Names carry a run id, so the tests also pass against a database that earlier runs filled.
 */
@ExtendWith(ArquillianExtension.class)
class ChatStoreIT {

    /** Made an administrator by the test run's configuration (see ear/pom.xml). */
    private static final String ADMIN = "sip:admin@contoso.com";

    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    private static final String MALLORY = "sip:mallory@fabrikam.com";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ChatStoreIT.class);
    }

    @EJB
    private CategoryService categories;

    @EJB
    private RoomService rooms;

    @EJB
    private PostService posts;

    @EJB
    private HistoryService history;

    @EJB
    private PolicyService policies;

    @Resource(lookup = "java:jboss/datasources/ParleyChatDS")
    private DataSource chatStore;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void runsOnTheDatabaseTheBuildConfigured() throws Exception {
        String expected = System.getenv("PARLEY_EXPECTED_DB");
        try (Connection connection = chatStore.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            assertThat(product).as(product + " is not " + expected).contains(expected == null ? "h2" : expected);
        }
    }

    @Test
    void createsCategoriesAndRoomsWithTheirRules() {
        CategoryView category = categories.createCategory(
                ADMIN,
                new NewCategory(
                        new CategorySettings("Engineering " + run, "for engineers", true, true, true),
                        Set.of("domain:contoso.com"),
                        Set.of(),
                        Set.of("domain:contoso.com")));

        RoomView open = rooms.createRoom(
                ALICE, new NewRoom("Open " + run, "anyone", category.uri(), Privacy.OPEN, RoomType.NORMAL));
        assertThat(open.uri()).as(open.uri()).startsWith("ma-chan://contoso.com/");
        assertThat(open.categoryUri()).isEqualTo(category.uri());
        assertThat(rooms.find(BOB, open.uri()).uri())
                .as("bob sees an open room")
                .isEqualTo(open.uri());
        rooms.join(BOB, open.uri());

        // Room names are unique on the server, ignoring case.
        ChatException duplicate = assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> rooms.createRoom(
                        BOB, new NewRoom("OPEN " + run, "again", category.uri(), Privacy.OPEN, RoomType.NORMAL)))
                .actual();
        assertThat(duplicate.reason()).isEqualTo(ChatException.Reason.CONFLICT);

        // A closed room is listed for everyone allowed, but only members join; only managers add them.
        RoomView closed = rooms.createRoom(
                ALICE, new NewRoom("Closed " + run, "members", category.uri(), Privacy.CLOSED, RoomType.NORMAL));
        assertThat(rooms.search(BOB, "Closed " + run).stream()
                        .anyMatch(r -> r.uri().equals(closed.uri())))
                .isTrue();
        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> rooms.join(BOB, closed.uri()))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.FORBIDDEN);
        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> rooms.grant(BOB, closed.uri(), RoomRole.MEMBER, BOB))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.FORBIDDEN);
        rooms.grant(ALICE, closed.uri(), RoomRole.MEMBER, BOB);
        rooms.join(BOB, closed.uri());

        // A secret room does not exist for non-members.
        RoomView secret = rooms.createRoom(
                ALICE, new NewRoom("Secret " + run, "hidden", category.uri(), Privacy.SECRET, RoomType.NORMAL));
        assertThat(rooms.search(BOB, "Secret " + run)).isEmpty();
        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> rooms.find(BOB, secret.uri()))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.NOT_FOUND);

        // Only users the category allows may be members or create rooms in it.
        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> rooms.grant(ALICE, closed.uri(), RoomRole.MEMBER, MALLORY))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.FORBIDDEN);
        assertThatThrownBy(() -> rooms.createRoom(
                        MALLORY, new NewRoom("Mallory " + run, "no", category.uri(), Privacy.OPEN, RoomType.NORMAL)))
                .isInstanceOf(ChatException.class);
        assertThat(rooms.search(MALLORY, run).stream().anyMatch(r -> r.uri().equals(open.uri())))
                .isFalse();
    }

    @Test
    void storesMessagesAndReadsThemBackInOrder() {
        String room = rooms.createRoom(
                        ALICE,
                        new NewRoom("History " + run, "", categories.root().uri(), Privacy.OPEN, RoomType.NORMAL))
                .uri();
        for (int i = 1; i <= 5; i++) {
            MessageView posted = posts.post(
                            i % 2 == 0 ? BOB : ALICE,
                            room,
                            "message " + i,
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
                    .message();
            assertThat(posted.seq()).isEqualTo(i);
        }
        List<MessageView> last = history.last(BOB, room, 3);
        assertThat(last.stream().map(MessageView::text).toList())
                .isEqualTo(List.of("message 3", "message 4", "message 5"));
        assertThat(last.stream().map(MessageView::seq).toList()).isEqualTo(List.of(3L, 4L, 5L));
        assertThat(history.before(BOB, room, 3, 10).stream()
                        .map(MessageView::text)
                        .toList())
                .isEqualTo(List.of("message 1", "message 2"));
        assertThat(last.get(1).author()).isEqualTo(BOB);
        assertThat(last.get(1).clientTime()).isEqualTo(Instant.parse("2026-01-01T00:00:04Z"));

        // Posts do not change the room's version (the web layer's ETag).
        assertThat(rooms.find(ALICE, room).version())
                .isEqualTo(rooms.find(ALICE, room).version());
        assertThat(rooms.find(ALICE, room).lastMessageSeq()).isEqualTo(5);
    }

    @Test
    void refusesAUserThePolicyDisables() {
        String carol = "sip:carol-" + run + "@contoso.com";
        String room = rooms.createRoom(
                        ALICE,
                        new NewRoom("Policy " + run, "", categories.root().uri(), Privacy.OPEN, RoomType.NORMAL))
                .uri();
        assertThat(policies.isEnabled(carol))
                .as("the global policy enables everyone by default")
                .isTrue();
        policies.definePolicy(ADMIN, "NoChat " + run, false);
        policies.assignPolicy(ADMIN, carol, "NoChat " + run);
        assertThat(policies.isEnabled(carol)).isFalse();

        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> rooms.join(carol, room))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.DISABLED_BY_POLICY);
        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> posts.post(carol, room, "let me in", Instant.now()))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.DISABLED_BY_POLICY);
        assertThat(history.last(ALICE, room, 10))
                .as("nothing was stored for the refused post")
                .isEmpty();

        // Only an administrator changes policies.
        assertThatExceptionOfType(ChatException.class)
                .isThrownBy(() -> policies.assignPolicy(ALICE, carol, null))
                .extracting(ChatException::reason)
                .isEqualTo(ChatException.Reason.FORBIDDEN);
        policies.assignPolicy(ADMIN, carol, null);
        rooms.join(carol, room);
    }
}
