package org.parley.chat.interfaces.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NtHashFileTest {

    @TempDir
    Path dir;

    private NtHashFile hashes(Path file) {
        return new NtHashFile(
                () -> file, (user, domain) -> NtlmUserNames.directoryName(user, domain, "contoso.com", "CONTOSO"));
    }

    @Test
    void findsAUserByEveryFormOfHerLoginAndRereadsAChangedFile() throws Exception {
        Path file = dir.resolve("h.properties");
        String secret = HexFormat.of().formatHex(NtlmCrypto.ntHash("secret"));
        Files.writeString(file, "# comment\nalice=" + secret + "\nbob@fabrikam.com=" + secret + "\nbroken=xyz\n");
        NtHashFile hashes = hashes(file);

        assertThat(hashes.ntHash("alice@contoso.com", "")).hasValue(NtlmCrypto.ntHash("secret"));
        assertThat(hashes.ntHash("Alice@Contoso.com", "")).hasValue(NtlmCrypto.ntHash("secret"));
        assertThat(hashes.ntHash("alice", "CONTOSO")).hasValue(NtlmCrypto.ntHash("secret"));
        assertThat(hashes.ntHash("alice", "")).hasValue(NtlmCrypto.ntHash("secret"));
        assertThat(hashes.ntHash("bob@fabrikam.com", "")).isPresent();
        assertThat(hashes.ntHash("alice", "FABRIKAM")).isEmpty();
        assertThat(hashes.ntHash("broken", "")).isEmpty();
        assertThat(hashes.ntHash("carol@contoso.com", "")).isEmpty();

        Files.writeString(file, "alice=" + HexFormat.of().formatHex(NtlmCrypto.ntHash("new password")) + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(hashes.ntHash("alice@contoso.com", "")).hasValue(NtlmCrypto.ntHash("new password"));
    }

    @Test
    void aMissingFileLetsNobodyIn() {
        assertThat(hashes(dir.resolve("absent")).ntHash("alice@contoso.com", ""))
                .isEmpty();
    }

    @Test
    void directoryNamesAndSipUris() {
        assertThat(NtlmUserNames.directoryName("alice@contoso.com", "", "contoso.com", "CONTOSO"))
                .hasValue("alice");
        assertThat(NtlmUserNames.directoryName("bob@fabrikam.com", "", "contoso.com", "CONTOSO"))
                .hasValue("bob@fabrikam.com");
        assertThat(NtlmUserNames.directoryName("alice@contoso.com", "CONTOSO", "contoso.com", "CONTOSO"))
                .isEmpty();
        assertThat(NtlmUserNames.directoryName("", "", "contoso.com", "CONTOSO"))
                .isEmpty();
        assertThat(NtlmUserNames.directoryName("@contoso.com", "", "contoso.com", "CONTOSO"))
                .isEmpty();
        assertThat(NtlmUserNames.sipUri("alice", "Contoso.com")).isEqualTo("sip:alice@contoso.com");
        assertThat(NtlmUserNames.sipUri("bob@fabrikam.com", "contoso.com")).isEqualTo("sip:bob@fabrikam.com");
    }
}
