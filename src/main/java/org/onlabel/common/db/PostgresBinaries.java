package org.onlabel.common.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL programs shipped in the zonky binaries jar, and how to run them. Zonky unpacks them once per
 * machine; we run {@code initdb}, {@code postgres} and {@code pg_ctl} ourselves because zonky's own launcher is
 * built for throw-away test servers ({@code -F} = fsync off, {@code synchronous_commit=off}, its own shutdown hook,
 * a fixed 60 s wait even when the server has already exited).
 */
final class PostgresBinaries {
    private final Path bin;
    private final List<String> prefix;

    private PostgresBinaries(Path bin, List<String> prefix) {
        this.bin = bin;
        this.prefix = prefix;
    }

    static PostgresBinaries unpack() {
        Path bin = unpackedDirectory().toPath().resolve("bin");
        List<String> prefix = new ArrayList<>();
        // Its own session: a Ctrl-C in the terminal must reach the service (which drains, then stops PostgreSQL
        // in order), not PostgreSQL directly.
        onPath("setsid").ifPresent(setsid -> prefix.add(setsid.toString()));
        // PostgreSQL refuses to run as root; like zonky, run it in a user namespace where it is not root.
        if ("root".equals(System.getProperty("user.name")) && LinuxUtils.isUnshareAvailable()) {
            prefix.add("unshare");
            prefix.add("-U");
        }
        return new PostgresBinaries(bin, prefix);
    }

    /** The command line running one of the PostgreSQL programs with the given arguments. */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.add(bin.resolve(program).toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * Zonky's unpacking step is private; calling it keeps one copy of the binaries per machine, shared with the
     * test servers, instead of unpacking the 15 MB archive a second time.
     */
    private static File unpackedDirectory() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new EmbeddedDatabaseException("the PostgreSQL binaries could not be unpacked: " + rootMessage(e));
        }
    }

    private static java.util.Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
