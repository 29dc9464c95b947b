package org.parley.sip.container;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test against a connector with default settings, started afresh for each test in a folder of its own. */
abstract class LoopbackServerTest {

    @TempDir
    Path dir;

    Loopback server;

    @BeforeEach
    void startServer() throws Exception {
        server = new Loopback(dir);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
