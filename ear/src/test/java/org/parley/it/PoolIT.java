package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.it.XccosTestClient.chanid;
import static org.parley.it.XccosTestClient.text;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Document;

/**
 * A pool of two nodes (pool/pool.sh start; .ci/run runs it): a room's participants on different nodes chat as if
 * on one. Runs only against a running pool, named by {@code -Dparley.pool.nodes=127.0.0.1,127.0.0.2}; the
 * other ITs' deployment is not used here.
 */
@EnabledIfSystemProperty(named = "parley.pool.nodes", matches = ".+,.+")
class PoolIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String[] nodes = System.getProperty("parley.pool.nodes", "").split(",");

    private String user(String name) {
        return "sip:" + name + "-" + run + "@contoso.com";
    }

    private InetSocketAddress node(int index) {
        return new InetSocketAddress(nodes[index].strip(), SipServer.port());
    }

    /** An open room, created over the REST API of the first node. */
    private String openRoom(String name) throws Exception {
        JsonObject room = WebApiClient.object(WebApiClient.as("admin", "parley-admin").post("/rooms",
                "{\"name\":\"" + name + " " + run + "\",\"privacy\":\"OPEN\"}"));
        return room.getString("uri");
    }

    @Test
    void participantsOnTwoNodesGetEveryPostOnceInTheRoomsOrder() throws Exception {
        String room = openRoom("Pool");
        try (XccosTestClient alice = XccosTestClient.signIn(user("alice"), node(0));
             XccosTestClient bob = XccosTestClient.signIn(user("bob"), node(1))) {
            assertEquals("200", text(alice.command("cmd:join", "<data>" + chanid(room, 0) + "</data>"), "//resp/@code"));
            assertEquals("200", text(bob.command("cmd:join", "<data>" + chanid(room, 0) + "</data>"), "//resp/@code"));

            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                expected.add("from node1 #" + i);
                assertEquals(200, alice.post(room, "from node1 #" + i).status());
                expected.add("from node2 #" + i);
                assertEquals(200, bob.post(room, "from node2 #" + i).status());
            }

            for (XccosTestClient member : List.of(alice, bob)) {
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    Document chat = member.await("/xccos/grpchat");
                    assertEquals(room, text(chat, "/xccos/grpchat/@chanUri"));
                    seen.add(text(chat, "/xccos/grpchat/chat"));
                }
                assertEquals(expected, seen, member.user + " gets every post once, in the room's order, whichever "
                        + "node stored it");
            }
        }
    }
}
