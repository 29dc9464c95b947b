package org.parley.chat.interfaces.sip.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * NT hashes from a properties file, {@code <directory name>=<32 hex digits>}, as
 * {@code parley-set-password.sh} and the build write it. Read again whenever the file changes, so a
 * new password counts at the next sign-in. Never logs a hash; warns when others may read the file.
 */
public final class NtHashFile implements SipaeNtlmAuthenticator.NtHashes {

    private static final Logger LOG = Logger.getLogger(NtHashFile.class.getName());
    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private record Snapshot(Path file, FileTime modified, long size, Map<String, byte[]> hashes) {}

    private final java.util.function.Supplier<Path> file;
    private final BiFunction<String, String, Optional<String>> directoryName;
    private volatile Snapshot snapshot = new Snapshot(null, null, -1, Map.of());

    /**
     * @param file where the hashes are (asked again on every look-up, so configuration can move it)
     * @param directoryName the directory name of an NTLM (user, domain), see {@link NtlmUserNames}
     */
    public NtHashFile(
            java.util.function.Supplier<Path> file, BiFunction<String, String, Optional<String>> directoryName) {
        this.file = file;
        this.directoryName = directoryName;
    }

    @Override
    public Optional<byte[]> ntHash(String user, String domain) {
        Optional<String> name = directoryName.apply(user, domain);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = current().hashes().get(name.get());
        return hash == null ? Optional.empty() : Optional.of(hash.clone());
    }

    private Snapshot current() {
        Path path = file.get();
        Snapshot known = snapshot;
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            long size = Files.size(path);
            if (path.equals(known.file()) && modified.equals(known.modified()) && size == known.size()) {
                return known;
            }
            Snapshot loaded = new Snapshot(path, modified, size, load(path));
            snapshot = loaded;
            return loaded;
        } catch (NoSuchFileException missing) {
            if (known.file() == null || known.size() >= 0) {
                LOG.warning(() -> "no NT hash file " + path + ": nobody can sign in with NTLM");
            }
            Snapshot none = new Snapshot(path, null, -1, Map.of());
            snapshot = none;
            return none;
        } catch (IOException e) {
            LOG.warning(() -> "cannot read NT hash file " + path + ": " + e.getMessage());
            return known;
        }
    }

    private static Map<String, byte[]> load(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.stream().anyMatch(TOO_OPEN::contains)) {
                LOG.warning(() -> "NT hash file " + path + " is readable or writable by others (" + permissions
                        + "): make it 0600, owned by the server's account");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the ACLs of the configuration directory protect it.
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        }
        Map<String, byte[]> hashes = new ConcurrentHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name).strip();
            if (value.length() != 32) {
                LOG.warning(
                        () -> "NT hash file " + path + ": the entry of '" + name + "' is not 32 hex digits; ignored");
                continue;
            }
            try {
                hashes.put(name.strip().toLowerCase(Locale.ROOT), HexFormat.of().parseHex(value));
            } catch (IllegalArgumentException notHex) {
                LOG.warning(() -> "NT hash file " + path + ": the entry of '" + name + "' is not hex; ignored");
            }
        }
        LOG.info(() -> "NT hashes of " + hashes.size() + " users read from " + path);
        return hashes;
    }
}
