import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the session-replay browser assets (docs/replay.md) for Maven's generate-resources phase (pom.xml, execution
 * "replay-assets"): {@code npm ci} in src/main/frontend, then {@code node build.mjs}, which bundles rrweb with esbuild
 * into target/classes/static/replay/ and writes the npm packages' notices.
 *
 * <p>{@code npm ci} installs exactly package-lock.json from the npm registry (or npm's cache) and runs only when the
 * lock file differs from the one last installed here (a stamp in node_modules): a fresh clone always installs, a
 * rebuild without a change costs the esbuild run only (a quarter of a second). A missing npm or node fails the build
 * saying what to install; the assets are never left out silently.
 *
 * <pre>java src/build/java/Frontend.java FRONTEND_DIR OUT_DIR NOTICES_FILE</pre>
 */
public class Frontend {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            fail("usage: Frontend FRONTEND_DIR OUT_DIR NOTICES_FILE");
        }
        Path frontend = Path.of(args[0]).toAbsolutePath();
        String out = Path.of(args[1]).toAbsolutePath().toString();
        String notices = Path.of(args[2]).toAbsolutePath().toString();
        requireTool("npm");
        requireTool("node");
        String lock = sha256(frontend.resolve("package-lock.json"));
        Path stamp = frontend.resolve("node_modules/.zm-package-lock.sha256");
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp).strip().equals(lock)) {
            run(frontend, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"));
            Files.writeString(stamp, lock + "\n");
        }
        run(frontend, List.of("node", "build.mjs", out, notices));
    }

    private static void requireTool(String tool) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException notFound) {
            // below
        }
        fail("'" + tool + "' was not found on the PATH. Building zeromission needs Node.js (18 or newer) with npm to "
                + "bundle the session-replay scripts (src/main/frontend, docs/replay.md): install Debian's nodejs and "
                + "npm packages (apt-get install nodejs npm) or Node.js from nodejs.org, then build again.");
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        int exit = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start().waitFor();
        if (exit != 0) {
            fail("'" + String.join(" ", command) + "' in " + dir + " failed with exit code " + exit);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void fail(String message) {
        System.err.println("FATAL: " + message);
        System.exit(1);
    }
}
