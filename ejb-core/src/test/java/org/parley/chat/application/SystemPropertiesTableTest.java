package org.parley.chat.application;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.parley.chat.testing.SystemPropertiesScript;

/**
 * What an administrator reads about the settings agrees with what the server is given: the README's table of
 * settings lists every property configure-system-properties.cli sets (environment variable, default), and its undo
 * script removes each. The modules' settings tests (ChatSettingTest, SipSettingTest, ComplianceSettingTest) check the
 * script against the code.
 */
class SystemPropertiesTableTest {

    @Test
    void theReadmeTablesEveryPropertyTheScriptSetsWithItsVariableAndDefault() throws IOException {
        SystemPropertiesScript.read().assertTabledInReadme();
    }

    @Test
    void theUndoScriptRemovesEveryPropertyTheScriptSets() throws IOException {
        SystemPropertiesScript.read().assertUndone();
    }
}
