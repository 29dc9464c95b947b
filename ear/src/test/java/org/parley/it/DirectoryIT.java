package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.XccosTestClient.chanid;
import static org.parley.it.XccosTestClient.text;
import static org.parley.it.XccosTestClient.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Set;

import javax.naming.Context;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.NewCategory;
import org.parley.chat.domain.model.category.CategorySettings;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;
import org.parley.sip.testkit.SipaeClient;
import org.w3c.dom.Document;

/**
 * Users and groups from a real directory (issue #16): OpenLDAP (.ci/slapd.sh) serving docs/directory/contoso.ldif,
 * the server built with -Dparley.directory=ldap (configure-directory.cli), as CI's PostgreSQL pass runs it. Web
 * sign-in binds against the directory and takes its roles from (nested) directory groups; directory groups and
 * organisational units are principals of rooms and categories; a group left in the directory takes the user out of the room
 * within the refresh interval; in the front-end identity mode only enabled users of the directory get in over SIP.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "parley.directory", matches = "ldap")
class DirectoryIT {

    private static final String DIRECTORY = "ldap://127.0.0.1:3389";
    private static final String ENGINEERING = "cn=engineering,ou=groups,dc=contoso,dc=com";
    private static final String PLATFORM = "cn=platform,ou=groups,dc=contoso,dc=com";
    private static final String ADMIN = "sip:admin@contoso.com";
    private static final String ALICE = "sip:alice@contoso.com";
    private static final String BOB = "sip:bob@contoso.com";
    /** In engineering directly. */
    private static final String FRANK = "sip:frank@contoso.com";
    /** In platform, which is in engineering; under ou=sales. */
    private static final String DAVE = "sip:dave@contoso.com";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(DirectoryIT.class, WebApiClient.class, ServerSettings.class, Eventually.class);
    }

    @EJB
    private RoomService rooms;

    @EJB
    private CategoryService categories;

    private final TestRun run = new TestRun();

    private String closedRoom(String name) {
        return run.room(ALICE, name, Privacy.CLOSED);
    }

    /** Whether the user may join the room: its join reply's code is 200, or anything else. */
    private static void assertJoin(XccosTestClient client, String room, boolean admitted, String why) throws Exception {
        if (admitted) {
            assertThat(joinCode(client, room)).as(why).isEqualTo("200");
        } else {
            assertThat(joinCode(client, room)).as(why).isNotEqualTo("200");
        }
    }

    private static String joinCode(XccosTestClient client, String room) throws Exception {
        Document joined = client.attempt("cmd:join", "<data>" + chanid(room, 0) + "</data>");
        return text(joined, "//resp/@code");
    }

    /** What a GET of {@code path} answers the user: 401 not signed in, 403 signed in without the role. */
    private static void assertAnswers(String user, String password, String path, int status, String why)
            throws Exception {
        assertThat(WebApiClient.as(user, password).get(path).statusCode())
                .as(why)
                .isEqualTo(status);
    }

    @Test
    void webSignInBindsAgainstTheDirectoryAndTakesRolesFromItsGroups() throws Exception {
        assertAnswers("alice", "secret", "/rooms", 200, "alice is in chat-users");
        assertAnswers("frank", "secret", "/rooms", 200, "frank is in engineering, which is in chat-users");
        assertAnswers("dave", "secret", "/rooms", 200, "dave: platform in engineering in chat-users");
        assertAnswers("alice", "wrong", "/rooms", 401, "the directory checks the password");
        assertAnswers("erin", "secret", "/rooms", 401, "erin's account is disabled");
        assertAnswers("ghost", "secret", "/rooms", 401, "nobody of that name in the directory");
        assertAnswers("grace", "secret", "/rooms", 403, "grace is in no group that gives a role");
        assertAnswers("admin", "parley-admin", "/admin/operations", 200, "admin is in chat-admins");
        assertAnswers("alice", "secret", "/admin/operations", 403, "alice is no administrator");
    }

    /**
     * Every sign-in binds afresh: with pooled connections (keyed by the credentials they bound with) a password
     * changed in the directory went on working. grace has no role, so 403 says "signed in", 401 "not".
     */
    @Test
    void aPasswordChangedInTheDirectoryStopsWorkingAtOnce() throws Exception {
        String grace = "uid=grace,ou=people,dc=contoso,dc=com";
        assertAnswers("grace", "secret", "/rooms", 403, "grace signs in");
        modify(grace, DirContext.REPLACE_ATTRIBUTE, "userPassword", "changed");
        try {
            assertAnswers("grace", "secret", "/rooms", 401, "the old password");
            assertAnswers("grace", "changed", "/rooms", 403, "the new one");
        } finally {
            modify(grace, DirContext.REPLACE_ATTRIBUTE, "userPassword", "secret");
        }
    }

    @Test
    void directoryGroupsAndUnitsAreRoomPrincipals() throws Exception {
        String engineering = closedRoom("Engineering");
        rooms.grant(ALICE, engineering, RoomRole.MEMBER, "group:engineering");
        String sales = closedRoom("Sales");
        // Written as Active Directory writes it: the principal is kept in one normal form.
        rooms.grant(ALICE, sales, RoomRole.MEMBER, "ou:OU=Sales, OU=People,DC=contoso,DC=com");
        try (XccosTestClient frank = XccosTestClient.signIn(FRANK);
                XccosTestClient dave = XccosTestClient.signIn(DAVE);
                XccosTestClient bob = XccosTestClient.signIn(BOB)) {
            assertJoin(frank, engineering, true, "frank is in engineering");
            assertJoin(dave, engineering, true, "dave is in engineering through platform");
            assertJoin(bob, engineering, false, "bob is not in engineering");
            assertJoin(dave, sales, true, "dave's entry is under ou=sales");
            assertJoin(frank, sales, false, "frank's is not");
        }
        assertThat(rooms.roles(ALICE, sales).members().stream()
                        .filter(p -> p.startsWith("ou:"))
                        .findFirst()
                        .orElseThrow())
                .isEqualTo("ou:ou=sales,ou=people,dc=contoso,dc=com");
    }

    @Test
    void aCategoryAllowsADirectoryGroupAndDeniesAUnit() throws Exception {
        String category = categories
                .createCategory(
                        ADMIN,
                        new NewCategory(
                                new CategorySettings("Engineering " + run.id(), null, true, true, true),
                                Set.of("group:engineering"),
                                Set.of("ou:OU=Sales,OU=People,DC=contoso,DC=com"),
                                Set.of("group:engineering")))
                .uri();
        // frank may create a room in it: the category's creators name his directory group.
        String room = run.room(FRANK, "Open engineering", Privacy.OPEN, RoomType.NORMAL, category);
        try (XccosTestClient frank = XccosTestClient.signIn(FRANK);
                XccosTestClient dave = XccosTestClient.signIn(DAVE);
                XccosTestClient bob = XccosTestClient.signIn(BOB)) {
            assertJoin(frank, room, true, "frank is in engineering");
            assertJoin(dave, room, false, "dave is in engineering, but under ou=sales, which is denied");
            assertJoin(bob, room, false, "bob is not in engineering");
        }
    }

    @Test
    void aGroupLeftInTheDirectoryTakesTheUserOutOfTheRoomWithinTheRefreshInterval() throws Exception {
        String engineering = closedRoom("Platform moves");
        rooms.grant(ALICE, engineering, RoomRole.MEMBER, "group:engineering");
        try (ServerSettings refresh = ServerSettings.of("parley.directory.refresh-seconds", "1");
                XccosTestClient alice = XccosTestClient.signIn(ALICE);
                XccosTestClient dave = XccosTestClient.signIn(DAVE)) {
            assertThat(joinCode(alice, engineering)).isEqualTo("200");
            assertThat(joinCode(dave, engineering)).isEqualTo("200");
            modify(ENGINEERING, DirContext.REMOVE_ATTRIBUTE, "member", PLATFORM);
            try {
                Document part = dave.await(
                        "/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + engineering + "']/uib[@uri='" + DAVE + "']");
                assertThat(text(part, "//chanib/uib/@uri")).as(() -> xml(part)).isEqualTo(DAVE);
                assertThat(dave.post(engineering, "still here?").status())
                        .as("no post once taken out")
                        .isEqualTo(403);
                assertJoin(dave, engineering, false, "and no way back in");
            } finally {
                modify(ENGINEERING, DirContext.ADD_ATTRIBUTE, "member", PLATFORM);
            }
        }
    }

    @Test
    void onlyEnabledUsersOfTheDirectorySignInOverSip() throws Exception {
        try (ServerSettings frontEnd = ServerSettings.frontEnd("127.0.0.1")) {
            try (XccosTestClient alice = XccosTestClient.connect(ALICE, XccosTestClient.CHAT_ENDPOINT)) {
                assertThat(alice.invite().status())
                        .as("alice is an enabled user of the directory")
                        .isEqualTo(200);
            }
            try (XccosTestClient erin =
                    XccosTestClient.connect("sip:erin@contoso.com", XccosTestClient.CHAT_ENDPOINT)) {
                assertThat(erin.invite().status())
                        .as("erin's account is disabled")
                        .isEqualTo(403);
            }
            try (XccosTestClient ghost =
                    XccosTestClient.connect("sip:ghost-" + run.id() + "@contoso.com", XccosTestClient.CHAT_ENDPOINT)) {
                assertThat(ghost.invite().status()).as("not in the directory").isEqualTo(403);
            }
        }
    }

    /**
     * In the ntlm mode too: a user disabled in the directory is refused at sign-in however good the password, once
     * the refresh has seen it, and signs in again once enabled. carol has an NT hash (configure-security.cli's users).
     */
    @Test
    void aUserDisabledInTheDirectoryIsRefusedAtNtlmSignIn() throws Exception {
        String carol = "uid=carol,ou=people,dc=contoso,dc=com";
        try (ServerSettings settings = ServerSettings.ntlm(
                false, "parley.sip.ntlm.max-failures-per-address", "1000", "parley.directory.refresh-seconds", "1")) {
            assertThat(ntlmSignIn("carol")).isEqualTo(200);
            modify(carol, DirContext.ADD_ATTRIBUTE, "shadowExpire", "1");
            try {
                Eventually.await(Duration.ofSeconds(20), () -> ntlmSignIn("carol"), status -> status == 403);
            } finally {
                modify(carol, DirContext.REMOVE_ATTRIBUTE, "shadowExpire", "1");
            }
            Eventually.await(Duration.ofSeconds(20), () -> ntlmSignIn("carol"), status -> status == 200);
        }
    }

    /** The final answer to an NTLM sign-in over TCP, password "secret". */
    private static int ntlmSignIn(String user) {
        String uri = "sip:" + user + "@contoso.com";
        try (RawSip sip = SipServer.client("TCP")) {
            return new SipaeClient(user + "@contoso.com", "", "secret")
                    .signIn(new ClientDialog(sip, uri, false, uri))
                    .status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes an entry as the directory's manager. */
    private static void modify(String dn, int operation, String attribute, String value) throws Exception {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, DIRECTORY);
        environment.put(Context.SECURITY_AUTHENTICATION, "simple");
        environment.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=contoso,dc=com");
        environment.put(Context.SECURITY_CREDENTIALS, "parley-directory");
        DirContext context = new InitialDirContext(environment);
        try {
            context.modifyAttributes(
                    dn, new ModificationItem[] {new ModificationItem(operation, new BasicAttribute(attribute, value))});
        } finally {
            context.close();
        }
    }
}
