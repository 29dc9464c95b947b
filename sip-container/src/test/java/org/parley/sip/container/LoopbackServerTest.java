package org.parley.sip.container;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
