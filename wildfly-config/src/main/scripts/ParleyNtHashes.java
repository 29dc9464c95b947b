import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parley's NT hash store for NTLM sign-in (docs/ntlm-sign-in.md): a properties file
 * {@code <user>=<MD4 of the UTF-16LE password, 32 hex>}, mode 0600, written whole and renamed into
 * place. Run with the JDK's single-file launcher, no dependencies (the JDK has no MD4, so it is here):
 *
 * <pre>
 *   java ParleyNtHashes.java set FILE USER        # password on standard input (one line); never an argument
 *   java ParleyNtHashes.java remove FILE USER
 *   java ParleyNtHashes.java from-cli CLI FILE    # the development users of configure-security.cli
 * </pre>
 *
 * parley-set-password.sh calls {@code set} together with the web realm's set-password, so the two
 * sides of a user's password cannot diverge; the build calls {@code from-cli}, so the development users'
 * NT hashes always follow the passwords that configure-security.cli gives them.
 */
public class ParleyNtHashes {

    private static final Pattern SET_PASSWORD = Pattern.compile(
            "filesystem-realm=ParleyRealm:set-password\\(identity=([^,\\s)]+),\\s*clear=\\{password=([^}]*)\\}\\)");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            usage();
        }
        switch (args[0]) {
            case "set" -> {
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.isEmpty()) {
                    System.err.println("no password on standard input");
                    System.exit(2);
                }
                update(Path.of(args[1]), Map.of(name(args[2]), ntHash(password)), null);
                System.err.println("NT hash of " + name(args[2]) + " written to " + args[1]);
            }
            case "remove" -> update(Path.of(args[1]), Map.of(), name(args[2]));
            case "from-cli" -> {
                Map<String, String> users = new TreeMap<>();
                Matcher m = SET_PASSWORD.matcher(Files.readString(Path.of(args[1])));
                while (m.find()) {
                    users.put(name(m.group(1)), ntHash(m.group(2)));
                }
                if (users.isEmpty()) {
                    System.err.println("no set-password(identity=..., clear={password=...}) in " + args[1]);
                    System.exit(2);
                }
                update(Path.of(args[2]), users, null);
                System.out.println("NT hashes of " + users.keySet() + " written to " + args[2]);
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: java ParleyNtHashes.java set FILE USER | remove FILE USER | from-cli CLI FILE");
        System.exit(2);
    }

    private static String name(String user) {
        String name = user.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !name.matches("[a-z0-9._@-]+")) {
            System.err.println("not a user name: " + user);
            System.exit(2);
        }
        return name;
    }

    /** Rewrites the file with these entries set and {@code removed} gone; other users are kept. */
    private static void update(Path file, Map<String, String> entries, String removed) throws IOException {
        Map<String, String> all = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    all.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        }
        all.putAll(entries);
        if (removed != null) {
            all.remove(removed);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix ? Files.createTempFile(dir, ".parley-ntlm", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".parley-ntlm", ".tmp");
        StringBuilder out = new StringBuilder("# Parley NTLM sign-in: NT hashes (password-equivalent for NTLM). Keep 0600,\n"
                + "# owned by the server's account. Written by parley-set-password.sh; do not edit by hand.\n");
        all.forEach((user, hash) -> out.append(user).append('=').append(hash).append('\n'));
        Files.writeString(temp, out, StandardCharsets.ISO_8859_1);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String ntHash(String password) {
        return HexFormat.of().formatHex(md4(password.getBytes(StandardCharsets.UTF_16LE)));
    }

    /** MD4 (RFC 1320). */
    static byte[] md4(byte[] input) {
        long bits = (long) input.length * 8;
        int padded = ((input.length + 8) / 64 + 1) * 64;
        byte[] m = Arrays.copyOf(input, padded);
        m[input.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            m[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        int[] h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[][] shifts = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};
        int[][] order = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15},
                {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15}};
        int[] constants = {0, 0x5a827999, 0x6ed9eba1};
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                int at = block + 4 * i;
                x[i] = (m[at] & 0xff) | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff) << 16 | (m[at + 3] & 0xff) << 24;
            }
            int a = h[0], b = h[1], c = h[2], d = h[3];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 16; i++) {
                    int f = round == 0 ? (b & c) | (~b & d) : round == 1 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
                    int t = Integer.rotateLeft(a + f + x[order[round][i]] + constants[round], shifts[round][i % 4]);
                    a = d;
                    d = c;
                    c = b;
                    b = t;
                }
            }
            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (h[i / 4] >>> (8 * (i % 4)));
        }
        return out;
    }
}
