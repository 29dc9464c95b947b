package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.XccosTestClient.bool;
import static org.parley.it.XccosTestClient.chanid;
import static org.parley.it.XccosTestClient.count;
import static org.parley.it.XccosTestClient.text;
import static org.parley.it.XccosTestClient.xml;

import java.util.Arrays;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.DirectoryService;
import org.parley.chat.application.InvitationService;
import org.parley.chat.application.RoomService;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomRole;
import org.parley.xccos.XccosNames;
import org.w3c.dom.Document;

/**
 * Over real SIP, what a join announces about the roles of those in the room, and how invitations reach
 * every client of a user. Rooms and grants are made through the services (in-container); the users speak
 * XCCOS. Names carry a run id, so the tests pass against a store earlier runs filled.
 */
@ExtendWith(ArquillianExtension.class)
class RoomRolesAndInvitationsIT {

    private static final String ADMIN = "sip:admin@contoso.com";

    @EJB
    private RoomService rooms;

    @EJB
    private DirectoryService directory;

    @EJB
    private InvitationService invitations;

    private final TestRun run = new TestRun();

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(RoomRolesAndInvitationsIT.class);
    }

    /**
     * A manager by a group or by the domain is a manager by the room's rule, so the join reply lists them
     * among the managers (12276) and the others' ntc:join says so, as for a manager named by URI.
     */
    @Test
    void managersThroughAGroupOrTheDomainAreAnnouncedAsManagers() throws Exception {
        String owner = run.user("owner");
        String lead = run.user("lead");
        String watcher = run.user("watcher");
        String byGroup = run.room(owner, "Led by a group", Privacy.OPEN);
        String byDomain = run.room(owner, "Led by the domain", Privacy.OPEN);
        String group = "Leads " + run.id();
        directory.createGroup(ADMIN, group, "room leads");
        directory.addGroupMember(ADMIN, group, lead);
        rooms.grant(owner, byGroup, RoomRole.MANAGER, "group:" + group);
        rooms.grant(owner, byDomain, RoomRole.MANAGER, "domain:contoso.com");

        try (XccosTestClient watching = XccosTestClient.signIn(watcher);
                XccosTestClient leading = XccosTestClient.signIn(lead)) {
            watching.command("cmd:join", "<data>" + chanid(byGroup, 0) + "</data>");
            Document join = leading.command("cmd:join", "<data>" + chanid(byGroup, 0) + "</data>");
            assertThat(text(join, "//resp/@code")).as(() -> xml(join)).isEqualTo("200");
            assertManager(join, lead, true);
            assertManager(join, watcher, false);
            Document notice = watching.await("/xccos/ntc[@id='ntc:join']");
            assertThat(text(notice, "//uib/@uri")).as(() -> xml(notice)).isEqualTo(lead);
            assertThat(text(notice, "//uib/aib/@key")).as(() -> xml(notice)).isEqualTo(XccosNames.AFFILIATION_MANAGER);

            Document domainJoin = leading.command("cmd:join", "<data>" + chanid(byDomain, 0) + "</data>");
            assertThat(text(domainJoin, "//resp/@code"))
                    .as(() -> xml(domainJoin))
                    .isEqualTo("200");
            assertManager(domainJoin, lead, true);
        }
    }

    /** Whether the user's number in the reply is among the room's managers (12276) or its members (3984). */
    private static void assertManager(Document join, String user, boolean manager) {
        String id = text(join, "/xccos/rpl/data/uib[@uri='" + user + "']/@id");
        assertThat(id).as(() -> user + " is listed: " + xml(join)).isNotEmpty();
        String managers =
                text(join, "/xccos/rpl/data/chanib/aib[@key='" + XccosNames.AFFILIATION_MANAGER + "']/@value");
        String members = text(join, "/xccos/rpl/data/chanib/aib[@key='" + XccosNames.AFFILIATION_MEMBER + "']/@value");
        assertThat(Arrays.asList(managers.split(",")).contains(id))
                .as(() -> xml(join))
                .isEqualTo(manager);
        assertThat(Arrays.asList(members.split(",")).contains(id))
                .as(() -> xml(join))
                .isEqualTo(!manager);
    }

    /**
     * Handing an invitation to one client does not hide it from the user's other clients, nor from the
     * same client's next sign-in (its first reply may have been lost): getinv answers with the user's
     * invitations above the inviteId the client names, and an invitation is settled once the user enters
     * its room.
     */
    @Test
    void everyClientOfTheUserGetsTheInvitationUntilTheUserEntersTheRoom() throws Exception {
        String owner = run.user("owner");
        String guest = run.user("guest");
        String closed = run.room(owner, "Invited", Privacy.CLOSED);
        rooms.grant(owner, closed, RoomRole.MEMBER, guest);
        long invitation = invitations.invite(owner, closed, guest).id();
        String getinv = "<data><inv inviteId=\"0\" domain=\"contoso.com\"/></data>";
        String listed = "//inv[@inviteId='" + invitation + "']/@chanUri";

        try (XccosTestClient laptop = XccosTestClient.signIn(guest);
                XccosTestClient phone = XccosTestClient.signIn(guest)) {
            assertThat(text(laptop.command("cmd:getinv", getinv), listed)).isEqualTo(closed);
            Document second = phone.command("cmd:getinv", getinv);
            assertThat(text(second, listed))
                    .as(() -> "the user's other client: " + xml(second))
                    .isEqualTo(closed);
            Document acknowledged = laptop.command(
                    "cmd:getinv", "<data><inv inviteId=\"" + invitation + "\" domain=\"contoso.com\"/></data>");
            assertThat(count(acknowledged, "//inv[@inviteId='" + invitation + "']"))
                    .as(() -> "a client that names the id has it: " + xml(acknowledged))
                    .isEqualTo(0);

            Document join = phone.command("cmd:join", "<data>" + chanid(closed, 0) + "</data>");
            assertThat(text(join, "//resp/@code")).as(() -> xml(join)).isEqualTo("200");
            Document after = laptop.command("cmd:getinv", getinv);
            assertThat(bool(after, "//inv[@inviteId='" + invitation + "']"))
                    .as(() -> "settled once the user entered the room: " + xml(after))
                    .isFalse();
        }
        try (XccosTestClient later = XccosTestClient.signIn(guest)) {
            assertThat(count(later.command("cmd:getinv", getinv), "//inv[@inviteId='" + invitation + "']") == 0)
                    .isTrue();
        }
    }
}
