package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.XccosTestClient.chanid;
import static org.parley.it.XccosTestClient.count;
import static org.parley.it.XccosTestClient.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.sip.testkit.RawSip;
import org.w3c.dom.Document;

/**
 * A pool of two nodes (pool/pool.sh start; .ci/run runs it): a room's participants on different nodes chat as if
 * on one. Runs only against a running pool, named by {@code -Dparley.pool.nodes=127.0.0.1,127.0.0.2} and its front
 * end by {@code -Dparley.pool.front-end=127.0.0.3}; the other ITs' deployment is not used here.
 */
@EnabledIfSystemProperty(named = "parley.pool.nodes", matches = ".+,.+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolIT {

    private final TestRun run = new TestRun();
    private final String[] nodes = System.getProperty("parley.pool.nodes", "").split(",");

    private InetSocketAddress frontEnd() {
        return new InetSocketAddress(System.getProperty("parley.pool.front-end", "127.0.0.3"), SipServer.port());
    }

    /**
     * Users sign in through the front end and join the room until its hash has put some on each node (the node's
     * Contact in the 200 names it), at least four; sixteen on one node would be a hash that does not spread.
     */
    private void signInOnEveryNode(String room, List<XccosTestClient> clients) throws Exception {
        Set<String> nodesReached = new HashSet<>();
        for (int i = 0; i < 16 && (nodesReached.size() < nodes.length || clients.size() < 4); i++) {
            XccosTestClient client = XccosTestClient.signIn(run.user("user" + i), frontEnd());
            clients.add(client);
            nodesReached.add(nodeOf(client));
            client.join(room);
        }
        assertThat(nodesReached)
                .as("the front end spreads users over the nodes")
                .isEqualTo(Set.of(nodes).stream().map(String::strip).collect(Collectors.toSet()));
    }

    /** Signs in, again and again while the server refuses or does not answer, for at most the time given. */
    private static XccosTestClient signInWithin(Duration time, String user, InetSocketAddress server) throws Exception {
        return Eventually.await(
                time,
                () -> {
                    try {
                        return XccosTestClient.signIn(user, server);
                    } catch (IOException | AssertionError notYet) {
                        return null;
                    }
                },
                client -> client != null);
    }

    /** A user of this run signed in on a node (by its index in parley.pool.nodes) and in the room. */
    private XccosTestClient inRoom(String name, int node, String room) throws IOException {
        return XccosTestClient.inRoom(run.user(name), node(node), room);
    }

    /** The texts of the next {@code n} posts the member gets, each checked to be of the room. */
    private static List<String> posts(XccosTestClient member, String room, int n) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Document chat = member.await("/xccos/grpchat");
            assertThat(text(chat, "/xccos/grpchat/@chanUri")).isEqualTo(room);
            texts.add(text(chat, "/xccos/grpchat/chat"));
        }
        return texts;
    }

    private static void closeAll(List<XccosTestClient> clients) throws IOException {
        for (XccosTestClient client : clients) {
            client.close();
        }
    }

    private static String nodeOf(XccosTestClient client) {
        return contactHost(client.dialog.remoteTarget());
    }

    /** The host of a node's Contact, {@code sip:user@host:port;params}. */
    private static String contactHost(String contact) {
        String rest = contact.substring(contact.indexOf('@') + 1);
        return rest.substring(0, rest.indexOf(':'));
    }

    private InetSocketAddress node(int index) {
        return new InetSocketAddress(nodes[index].strip(), SipServer.port());
    }

    private final WebApiClient admin = WebApiClient.as("admin", "parley-admin");

    /** An open room, created over the REST API of the first node (WebApiClient's base). */
    private JsonObject createOpenRoom(String name) throws Exception {
        return WebApiClient.object(
                admin.post("/rooms", "{\"name\":\"" + name + " " + run.id() + "\",\"privacy\":\"OPEN\"}"));
    }

    private String openRoom(String name) throws Exception {
        return createOpenRoom(name).getString("uri");
    }

    @Test
    void participantsOnTwoNodesGetEveryPostOnceInTheRoomsOrder() throws Exception {
        String room = openRoom("Pool");
        try (XccosTestClient alice = inRoom("alice", 0, room);
                XccosTestClient bob = inRoom("bob", 1, room)) {

            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                expected.add("from node1 #" + i);
                assertThat(alice.post(room, "from node1 #" + i).status()).isEqualTo(200);
                expected.add("from node2 #" + i);
                assertThat(bob.post(room, "from node2 #" + i).status()).isEqualTo(200);
            }

            for (XccosTestClient member : List.of(alice, bob)) {
                assertThat(posts(member, room, expected.size()))
                        .as(member.user + " gets every post once, " + "in the room's order, whichever node stored it")
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * Presence is the pool's: a user joining on the second node finds the first node's user in the room's list
     * and in its count (ucnt), and the first node's user is told of the join and of the part.
     */
    @Test
    void participantListsCountsAndNoticesSpanThePool() throws Exception {
        String room = openRoom("Presence");
        try (XccosTestClient alice = inRoom("alice", 0, room);
                XccosTestClient bob = XccosTestClient.signIn(run.user("bob"), node(1))) {

            Document joined = bob.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            assertThat(text(joined, "//resp/@code")).isEqualTo("200");
            assertThat(users(joined))
                    .as("the room's list names the other node's user")
                    .isEqualTo(Set.of(alice.user, bob.user));
            alice.await("/xccos/ntc[@id='ntc:join']/data/uib[@uri='" + bob.user + "']");
            Document associations = bob.command("cmd:getassociations", "<data/>");
            assertThat(text(associations, "//chanib[@uri='" + room + "']/info[@id='urn:parlano:ma:info:ucnt']"))
                    .as("the count is the pool's")
                    .isEqualTo("2");

            bob.command("cmd:part", "<data><chanib uri=\"" + room + "\"/></data>");
            alice.await("/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']/uib[@uri='" + bob.user + "']");
        }
    }

    /** The nodes share the file store: a file uploaded on one node is downloaded from the other. */
    @Test
    void aFileUploadedOnOneNodeIsDownloadedFromTheOther() throws Exception {
        String id = createOpenRoom("Files").getString("id");
        String content = "{\"minutes\": \"the pool's first meeting\"}";

        HttpResponse<String> uploaded = admin.put(api(1) + "/rooms/" + id + "/files/minutes.json", content);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long file = WebApiClient.object(uploaded).getJsonNumber("id").longValue();

        HttpResponse<String> downloaded = admin.get(api(0) + "/files/" + file);
        assertThat(downloaded.statusCode()).as(downloaded.body()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(content);
    }

    /**
     * Each node shows the pool over its admin API: both nodes in its view, each having described its presence,
     * and the participants of a room joined on both.
     */
    @Test
    void everyNodeShowsThePool() throws Exception {
        String room = openRoom("Status");
        try (XccosTestClient alice = inRoom("alice", 0, room);
                XccosTestClient bob = inRoom("bob", 1, room)) {
            alice.await("/xccos/ntc[@id='ntc:join']/data/uib[@uri='" + bob.user + "']");
            for (int i = 0; i < nodes.length; i++) {
                JsonObject pool = WebApiClient.object(admin.get(api(i) + "/admin/pool"));
                assertThat(pool.getBoolean("enabled")).isTrue();
                assertThat(pool.getString("node")).isEqualTo("node" + (i + 1));
                List<String> names = new ArrayList<>();
                for (JsonObject node : pool.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                    names.add(node.getString("name"));
                    assertThat(node.getBoolean("inView") && node.getBoolean("described"))
                            .as(node.toString())
                            .isTrue();
                    assertThat(node.getInt("sessions") >= 1 && node.getInt("participants") >= 1)
                            .as(node.toString())
                            .isTrue();
                }
                assertThat(Set.copyOf(names)).as(pool.toString()).isEqualTo(Set.of("node1", "node2"));
                JsonObject status = WebApiClient.object(WebApiClient.anonymous().get(api(i) + "/status"));
                assertThat(status.getString("node")).isEqualTo("node" + (i + 1));
                assertThat(status.getBoolean("pool")).isTrue();
            }
        }
    }

    /**
     * Starts the real client (pidgin-sipe, headless) for a user the front end sends to this node, in the room of
     * this name, where it posts the message and then waits for the text; returns once it has seen its post's echo
     * (the post is stored). Null where the real client is not built.
     */
    private Process realClientOn(String node, String roomName, String message, String waitFor) throws Exception {
        if (!RealClientRun.built()) {
            return null;
        }
        String user = null;
        for (int i = 0; i < 32 && user == null; i++) {
            try (XccosTestClient probe = XccosTestClient.signIn(run.user("sipe" + i), frontEnd())) {
                if (nodeOf(probe).equals(node)) {
                    user = probe.user.substring("sip:".length());
                }
            }
        }
        assertThat(user != null).as("no user the front end sends to " + node).isTrue();
        Path dir = Files.createDirectories(Path.of("target/realclient-failover"));
        Process sipe = new ProcessBuilder(
                        RealClientRun.client().getAbsolutePath(),
                        "--user",
                        user,
                        "--server",
                        frontEnd().getHostString() + ":" + frontEnd().getPort(),
                        "--transport",
                        "tcp",
                        "--auth",
                        "ntlm",
                        "--home",
                        dir.resolve("home").toAbsolutePath().toString(),
                        "--room-name",
                        roomName,
                        "--message",
                        message,
                        "--wait-for",
                        waitFor,
                        "--timeout",
                        "240",
                        "--log",
                        dir.resolve("debug.log").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.out").toFile())
                .start();
        Eventually.await(
                Duration.ofSeconds(60),
                () -> read(dir.resolve("client.out")),
                out -> out.contains("STEP echo PASS") || !sipe.isAlive());
        assertThat(read(dir.resolve("client.out")))
                .as("the real client did not post in the room:\n" + read(dir.resolve("client.out")))
                .contains("STEP echo PASS");
        return sipe;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The REST API of a node, by its index in parley.pool.nodes. */
    private String api(int node) {
        return "http://" + nodes[node].strip() + ":8080/parley/api/v1";
    }

    /** The users a join reply lists as in the room. */
    private static Set<String> users(Document joinReply) {
        Set<String> users = new HashSet<>();
        for (int i = 1; i <= count(joinReply, "/xccos/rpl/data/uib"); i++) {
            users.add(text(joinReply, "/xccos/rpl/data/uib[" + i + "]/@uri"));
        }
        return users;
    }

    /**
     * Rights taken away reach the people in the room on every node: the room is disabled over the first node's
     * REST API, and its participant on the second node is taken out (the access change crosses on the clustered
     * room events topic) and may post no more.
     */
    @Test
    void aRoomDisabledOnOneNodeTakesItsParticipantOutOnTheOther() throws Exception {
        JsonObject created = createOpenRoom("Disabled");
        String room = created.getString("uri");
        try (XccosTestClient bob = inRoom("bob", 1, room)) {

            assertThat(admin.post("/rooms/" + created.getString("id") + "/disable", "")
                            .statusCode())
                    .isEqualTo(200);

            bob.await("/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']/uib[@uri='" + bob.user + "']");
            assertThat(bob.post(room, "anyone?").status())
                    .as("nobody posts to a disabled room")
                    .isEqualTo(403);
        }
    }

    /**
     * Clients that know only the front end (Kamailio's dispatcher, which spreads users over the nodes by their
     * From URI's hash) sign in, join one room and post in turn: each gets every post once, in order, through
     * the proxy both ways (the nodes' INFOs follow the Record-Route and the alias of each client's connection).
     */
    @Test
    void usersBehindTheFrontEndChatAsOnOneServer() throws Exception {
        String room = openRoom("Front end");
        List<XccosTestClient> clients = new ArrayList<>();
        try {
            signInOnEveryNode(room, clients);
            List<String> expected = new ArrayList<>();
            for (XccosTestClient client : clients) {
                expected.add("from " + client.user);
                assertThat(client.post(room, "from " + client.user).status()).isEqualTo(200);
            }
            for (XccosTestClient member : clients) {
                assertThat(posts(member, room, expected.size()))
                        .as(member.user + " through the front end")
                        .isEqualTo(expected);
            }
        } finally {
            closeAll(clients);
        }
    }

    /**
     * The real client signs in with NTLM through the front end (MS-SIPAE: every message signed both ways): its two
     * users' clients share the front end's connection to a node with each other and with the front end's probes,
     * so each association is found by the opaque its messages name, not by the connection (keyed by the
     * connection, the second sign-in replaced the first and the unsigned probes were refused, which took the nodes
     * out of the dispatcher). The nodes sign clients in with NTLM for the test's duration.
     */
    @Test
    void realClientsSignInWithNtlmThroughTheFrontEnd() throws Exception {
        Assumptions.assumeTrue(RealClientRun.built(), "the real client is not built: " + RealClientRun.client());
        int status = admin.post("/rooms", "{\"name\":\"" + RealClientRun.ROOM + "\",\"privacy\":\"OPEN\"}")
                .statusCode();
        assertThat(status == 201 || status == 409)
                .as("the real client's room exists: " + status)
                .isTrue();
        try {
            identity("ntlm");
            RealClientRun.Result run = RealClientRun.run(
                    "realclient-pool-ntlm",
                    frontEnd().getHostString(),
                    frontEnd().getPort(),
                    "tcp",
                    Map.of());
            assertThat(run.passed()).as(run.output()).isTrue();
        } finally {
            identity("trust-from");
        }
    }

    /** Switches every node's identity mode (read on every request) through its management interface. */
    private void identity(String mode) throws Exception {
        for (String node : nodes) {
            Process cli = new ProcessBuilder(
                            jbossCli(),
                            "-c",
                            "--controller=" + node.strip() + ":9990",
                            "--commands=/system-property=parley.sip.identity:write-attribute(name=value,value=" + mode
                                    + "),"
                                    + "/system-property=parley.sip.ntlm.require-tls:write-attribute(name=value,value=false)")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(60, TimeUnit.SECONDS) && cli.exitValue() == 0)
                    .as("jboss-cli on " + node + ": " + output)
                    .isTrue();
        }
    }

    /** The jboss-cli.sh of the WildFly the build installed (the pool's nodes run it). */
    private static String jbossCli() throws IOException {
        try (Stream<Path> installed = Files.list(Path.of("../wildfly-config/target"))) {
            return installed
                    .filter(p -> p.getFileName().toString().startsWith("wildfly-") && Files.isDirectory(p))
                    .map(p -> p.resolve("bin/jboss-cli.sh").toAbsolutePath().toString())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no WildFly under ../wildfly-config/target"));
        }
    }

    /**
     * The last test: it kills the second node (kill -9, as a crash). Every post answered 200 before is in the
     * history; the users who were on the dead node sign in again through the front end within seconds and land on
     * the node that lives (Kamailio: the next node on a failed attempt, probing takes the dead one out), and the
     * room goes on. One user of the dead node does not come back: the others are told it left (the JGroups view
     * change takes the dead node's participants out of every node's presence) and the room's list no longer
     * names it.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aNodeKilledLosesNoPostAndItsUsersAreBackOnTheOtherInSeconds() throws Exception {
        String room = openRoom("Failover");
        List<XccosTestClient> clients = new ArrayList<>();
        try {
            signInOnEveryNode(room, clients);
            List<String> posted = new ArrayList<>();
            for (XccosTestClient client : clients) {
                assertThat(client.post(room, "before, from " + client.user).status())
                        .isEqualTo(200);
                posted.add("before, from " + client.user);
            }
            String dying = nodes[1].strip();
            String fromSipe = "from SIPE on " + dying + " " + run.id();
            Process sipe = realClientOn(dying, "Failover " + run.id(), fromSipe, "after the crash, for SIPE");
            if (sipe != null) {
                // The real client's post, stored on node2, reaches the test kit's clients on node1.
                posted.add(fromSipe);
                XccosTestClient onNode1 = clients.stream()
                        .filter(c -> nodeOf(c).equals(nodes[0].strip()))
                        .findFirst()
                        .orElseThrow();
                List<String> seen = posts(onNode1, room, clients.size() + 1);
                assertThat(seen.get(seen.size() - 1))
                        .as("the real client's post on the other node")
                        .isEqualTo(fromSipe);
            }
            ProcessHandle node = ProcessHandle.allProcesses()
                    .filter(p -> p.info()
                            .commandLine()
                            .map(line -> line.contains("jboss-modules.jar") && line.contains("-Djboss.node.name=node2"))
                            .orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no node2 process to kill"));

            node.destroyForcibly();
            node.onExit().get(30, TimeUnit.SECONDS);

            List<XccosTestClient> orphans =
                    clients.stream().filter(c -> nodeOf(c).equals(dying)).toList();
            XccosTestClient away = orphans.get(0);
            // Its dialog died with its node: the front end says so (481), and a SIPE client connects again.
            RawSip.Msg gone = Eventually.await(
                    Duration.ofSeconds(10),
                    () -> {
                        try {
                            return away.post(room, "into the dead node");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    answer -> answer.status() == 481);
            assertThat(gone.status()).isEqualTo(481);
            away.close();
            XccosTestClient witness = clients.stream()
                    .filter(c -> nodeOf(c).equals(nodes[0].strip()))
                    .findFirst()
                    .orElseThrow();
            witness.await("/xccos/ntc[@id='ntc:part']/data/chanib[@uri='" + room + "']/uib[@uri='" + away.user + "']");
            // node1's view of the pool has lost node2 (it took node2's participants out when it did).
            Eventually.await(
                    Duration.ofSeconds(20),
                    () -> {
                        try {
                            return admin.get(api(0) + "/admin/pool").body();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    pool -> !pool.contains("\"node2\""));
            List<XccosTestClient> back = new ArrayList<>();
            for (XccosTestClient orphan : orphans.subList(1, orphans.size())) {
                orphan.close();
                XccosTestClient again = signInWithin(Duration.ofSeconds(20), orphan.user, frontEnd());
                back.add(again);
                clients.add(again);
                assertThat(nodeOf(again))
                        .as(orphan.user + " is back on the node that lives")
                        .isEqualTo(nodes[0].strip());
                // Its first command there: it is put back in the room it was in, unasked (RoomResumption).
                again.command("cmd:getinv", "<data><inv inviteId=\"0\" domain=\"contoso.com\"/></data>");
                again.await("/xccos/rpl[@id='rpl:bjoin']/data/chanib[@uri='" + room + "']");
            }

            // A reader outside the room: no notices come before its reply.
            XccosTestClient reader = XccosTestClient.signIn(run.user("reader"), frontEnd());
            clients.add(reader);
            Set<String> present = new HashSet<>();
            clients.stream()
                    .filter(c -> c != reader && (nodeOf(c).equals(nodes[0].strip()) || back.contains(c)))
                    .forEach(c -> present.add(c.user));
            Document history = reader.command(
                    "cmd:bccontext", "<data><chanib uri=\"" + room + "\"/><bcq><last cnt=\"50\"/></bcq></data>");
            List<String> stored = new ArrayList<>();
            for (int i = 1; i <= count(history, "/xccos/rpl/data/chanib/msg[@id='grpchat']"); i++) {
                stored.add(text(history, "/xccos/rpl/data/chanib/msg[" + i + "]/chat"));
            }
            assertThat(stored)
                    .as("every post answered 200 before the crash is in the history, in order")
                    .isEqualTo(posted);
            Document listed = reader.command("cmd:join", "<data>" + chanid(room, 0) + "</data>");
            present.add(reader.user);
            Set<String> listedUsers = users(listed);
            assertThat(listedUsers.containsAll(present) && !listedUsers.contains(away.user))
                    .as("the room lists who is " + "in it, not the dead node's user who did not come back: "
                            + listedUsers + ", expected " + present)
                    .isTrue();

            XccosTestClient survivor = clients.stream()
                    .filter(c -> nodeOf(c).equals(nodes[0].strip()) && !back.contains(c) && c != reader)
                    .findFirst()
                    .orElseThrow();
            assertThat(survivor.post(room, "after the crash").status()).isEqualTo(200);
            for (XccosTestClient member : back) {
                assertThat(posts(member, room, 1)).isEqualTo(List.of("after the crash"));
            }
            if (sipe != null) {
                // The real client learns that its dialog died at its next session refresh (a 481 from the front
                // end; .ci/run gives the pool a short Session-Expires), connects again, lands on node1 and is put
                // back in its room; then it gets the next post.
                Path sipeLog = Path.of("target/realclient-failover/debug.log");
                Eventually.await(Duration.ofSeconds(150), () -> read(sipeLog), log -> log.contains("rejoining room"));
                // From a new client: the others' dialogs may have run out meanwhile (Session-Expires).
                XccosTestClient messenger = inRoom("messenger", 0, room);
                clients.add(messenger);
                assertThat(messenger.post(room, "after the crash, for SIPE").status())
                        .isEqualTo(200);
                boolean done = sipe.waitFor(60, TimeUnit.SECONDS);
                String steps = read(Path.of("target/realclient-failover/client.out"));
                assertThat(done && steps.contains("STEP receive PASS"))
                        .as("the real client after the crash:\n" + steps)
                        .isTrue();
            }
        } finally {
            closeAll(clients);
        }
    }

    /**
     * After the kill: the dead node is started again (pool/pool.sh restart-node) and rejoins the running pool
     * without a restart of the other. A user signing in on it finds the other node's participants in the room's
     * list (it asked the pool to describe its presence), and posts cross both ways.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aNodeThatComesBackRejoinsThePool() throws Exception {
        String room = openRoom("Rejoin");
        try (XccosTestClient alice = inRoom("alice", 0, room)) {

            Process restart = new ProcessBuilder(
                            "bash", Path.of("../pool/pool.sh").toAbsolutePath().toString(), "restart-node", "node2")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/pool-restart-node2.log").toFile())
                    .start();
            assertThat(restart.waitFor(300, TimeUnit.SECONDS))
                    .as("node2 did not come back within 300 s")
                    .isTrue();
            assertThat(restart.exitValue())
                    .as(Files.readString(Path.of("target/pool-restart-node2.log")))
                    .isEqualTo(0);

            XccosTestClient bob = signInWithin(Duration.ofSeconds(30), run.user("bob"), node(1));
            try (bob) {
                // Until node2 has node1's description, its list lacks Alice: ask again (each join is a new one).
                Set<String> listed = Eventually.await(
                        Duration.ofSeconds(20),
                        () -> {
                            try {
                                Set<String> users =
                                        users(bob.command("cmd:join", "<data>" + chanid(room, 0) + "</data>"));
                                bob.command("cmd:part", "<data><chanib uri=\"" + room + "\"/></data>");
                                return users;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        users -> users.contains(alice.user));
                assertThat(listed).isEqualTo(Set.of(alice.user, bob.user));
                bob.join(room);

                assertThat(alice.post(room, "welcome back").status()).isEqualTo(200);
                assertThat(posts(bob, room, 1)).isEqualTo(List.of("welcome back"));
                assertThat(bob.post(room, "glad to be back").status()).isEqualTo(200);
                assertThat(posts(alice, room, 2)).isEqualTo(List.of("welcome back", "glad to be back"));
            }
        }
    }
}
