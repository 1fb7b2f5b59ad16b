package org.onlabel.common.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run and supervised by the service itself, for a run with no database configured. Its
 * data directory is kept between runs.
 *
 * <p>Durable: every commit is flushed to disk before it is acknowledged ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes} on) and a new cluster gets data checksums. The postmaster is a child process watched by
 * a thread; when it dies the service answers 503 (the pool cannot connect) and this class restarts it on the same
 * data (PostgreSQL's crash recovery replays the WAL), with backoff, and gives up after a few attempts so that the
 * service exits non-zero for its own supervisor.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    /** Below this much free space a start is refused: PostgreSQL could not even write its checkpoint. */
    static final long MIN_FREE_BYTES_TO_START = 64L * 1024 * 1024;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    public enum State { STARTING, UP, RESTARTING, FAILED, STOPPED }

    private static volatile EmbeddedDatabase current;

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private final int restartAttempts;
    private final Duration startTimeout;
    private final Runnable onGiveUp;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile State state = State.STARTING;
    private volatile Process postmaster;
    private volatile boolean stopping;

    private EmbeddedDatabase(PostgresBinaries binaries, EmbeddedDatabaseSettings settings, Runnable onGiveUp) {
        this.binaries = binaries;
        this.dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
        this.logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        this.port = settings.port();
        this.restartAttempts = settings.restartAttempts();
        this.startTimeout = settings.startTimeout();
        this.onGiveUp = onGiveUp;
    }

    /**
     * Starts PostgreSQL on the configured data directory and supervises it.
     *
     * @param onGiveUp what to do when the server died and could not be restarted (the service exits)
     * @throws EmbeddedDatabaseException with a one-line cause when it cannot start
     */
    public static EmbeddedDatabase start(EmbeddedDatabaseSettings settings, Runnable onGiveUp) {
        EmbeddedDatabase db = new EmbeddedDatabase(PostgresBinaries.unpack(), settings, onGiveUp);
        db.checkDataDirectory();
        db.stopOrphanedServer();
        db.initialiseIfNew();
        db.launch();
        current = db;
        return db;
    }

    /** The server this process started, if any (none in tests and with an external PostgreSQL). */
    public static Optional<EmbeddedDatabase> current() {
        return Optional.ofNullable(current);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public State state() {
        return state;
    }

    public int restarts() {
        return restarts.get();
    }

    // ---- before the first start -----------------------------------------------------------------------------

    private void checkDataDirectory() {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot create the data directory " + dataDirectory + ": " + reason(e));
        }
        Path probe = dataDirectory.resolveSibling("." + dataDirectory.getFileName() + ".write-probe");
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1}));
            ch.force(true);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot write next to the data directory " + dataDirectory + ": " + reason(e));
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the write already failed and says why
            }
        }
        long free = usableBytes(dataDirectory);
        if (free >= 0 && free < MIN_FREE_BYTES_TO_START) {
            throw new EmbeddedDatabaseException("the disk holding " + dataDirectory + " is full (" + free / (1024 * 1024)
                    + " MB free, at least " + MIN_FREE_BYTES_TO_START / (1024 * 1024) + " MB needed)");
        }
    }

    /**
     * A service killed with SIGKILL leaves its PostgreSQL running. If the process named in {@code postmaster.pid}
     * is a PostgreSQL serving this data directory it is ours: stop it cleanly and start a supervised one.
     * Anything else holding the directory is refused.
     */
    private void stopOrphanedServer() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + pidFile + ": " + reason(e));
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring an unreadable %s; PostgreSQL replaces it", pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.infof("%s names pid %d, which is not running (the last run did not stop cleanly); PostgreSQL "
                    + "recovers the data directory from its WAL", pidFile, pid);
            return;
        }
        String commandLine = process.get().info().commandLine().orElse("");
        boolean servesThisDirectory = lines.size() > 1 && Path.of(lines.get(1).trim()).equals(dataDirectory);
        if (!servesThisDirectory || !commandLine.contains("postgres")) {
            throw new EmbeddedDatabaseException("the data directory " + dataDirectory + " is locked by process " + pid
                    + " (" + abbreviate(commandLine) + "), which is not a PostgreSQL of this service; stop it or set "
                    + "onlabel.embedded-db.data-dir to another directory");
        }
        LOG.warnf("Found PostgreSQL (pid %d) still running on %s, left by a run of the service that was killed; "
                + "stopping it cleanly before starting a supervised one", pid, dataDirectory);
        pgCtlStop();
        if (!awaitExit(process.get(), Duration.ofSeconds(60))) {
            process.get().destroyForcibly();
            awaitExit(process.get(), Duration.ofSeconds(10));
            LOG.warnf("The orphaned PostgreSQL (pid %d) did not stop within 60 s and was killed; crash recovery "
                    + "follows", pid);
        } else {
            LOG.infof("Stopped the orphaned PostgreSQL (pid %d) cleanly", pid);
        }
    }

    private void initialiseIfNew() {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            if (entries.findAny().isPresent()) {
                throw new EmbeddedDatabaseException("the data directory " + dataDirectory
                        + " is not empty but holds no PostgreSQL cluster (no PG_VERSION); empty it or choose another");
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read the data directory " + dataDirectory + ": " + reason(e));
        }
        LOG.infof("Creating a new PostgreSQL cluster (data checksums on) in %s", dataDirectory);
        long logOffset = logSize();
        int exit = runToEnd(binaries.command("initdb", List.of("-A", "trust", "-U", USER, "-D", dataDirectory.toString(),
                "-E", "UTF-8", "--locale=C", "--data-checksums")), Duration.ofMinutes(2));
        if (exit != 0) {
            throw new EmbeddedDatabaseException("initdb failed in " + dataDirectory + ": " + problemsLoggedSince(logOffset)
                    + " (log: " + logFile + ")");
        }
    }

    // ---- running ------------------------------------------------------------------------------------------

    private void launch() {
        checkPortFree();
        long logOffset = logSize();
        List<String> arguments = List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "fsync=on",
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "timezone=UTC");
        Process process;
        try {
            process = new ProcessBuilder(binaries.command("postgres", arguments))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot run the server: " + reason(e));
        }
        awaitReady(process, logOffset);
        postmaster = process;
        state = State.UP;
        LOG.infof("Embedded PostgreSQL (pid %d) listening on 127.0.0.1:%d, data in %s, log in %s",
                process.pid(), port, dataDirectory, logFile);
        Thread watcher = new Thread(() -> supervise(process), "embedded-postgres-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void checkPortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new EmbeddedDatabaseException("port " + port + " on 127.0.0.1 is already in use by another program; "
                    + "stop it or set onlabel.embedded-db.port to a free port");
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot check port " + port + ": " + reason(e));
        }
    }

    private void awaitReady(Process process, long logOffset) {
        Instant deadline = Instant.now().plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new EmbeddedDatabaseException("the server exited while starting (exit code " + process.exitValue()
                        + "): " + problemsLoggedSince(logOffset) + " (log: " + logFile + ")");
            }
            if (acceptsQueries()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new EmbeddedDatabaseException("the server did not accept connections within " + startTimeout.toSeconds()
                + " s: " + problemsLoggedSince(logOffset) + " (log: " + logFile + ")");
    }

    private boolean acceptsQueries() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "5");
        try (Connection c = new org.postgresql.Driver().connect(jdbcUrl(), props)) {
            return c != null && c.createStatement().execute("SELECT 1");
        } catch (SQLException notYet) {
            return false; // refused, or "the database system is starting up" during crash recovery
        }
    }

    /** Waits for the postmaster to exit; when it was not asked to, restarts it with backoff. */
    private void supervise(Process process) {
        int exit = waitFor(process);
        if (stopping) {
            return;
        }
        state = State.RESTARTING;
        Instant down = Instant.now();
        LOG.errorf("Embedded PostgreSQL (pid %d) exited unexpectedly (exit code %d): requests that need the database "
                + "get 503 until it is back; restarting it on the same data directory", process.pid(), exit);
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; attempt <= restartAttempts && !stopping; attempt++) {
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            if (stopping) {
                return;
            }
            try {
                launch();
                restarts.incrementAndGet();
                LOG.infof("Embedded PostgreSQL is back after %d ms (restart attempt %d; crash recovery done)",
                        Duration.between(down, Instant.now()).toMillis(), attempt);
                return;
            } catch (EmbeddedDatabaseException e) {
                LOG.errorf("Restart attempt %d of %d failed: %s", attempt, restartAttempts, e.getMessage());
            }
        }
        if (stopping) {
            return;
        }
        state = State.FAILED;
        LOG.errorf("Embedded PostgreSQL could not be restarted after %d attempts; the service exits so that its "
                + "supervisor can restart it", restartAttempts);
        onGiveUp.run();
    }

    /** Stops PostgreSQL cleanly (fast shutdown: open transactions roll back, everything committed is kept). */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        Process process = postmaster;
        if (process != null && process.isAlive()) {
            pgCtlStop();
            if (!awaitExit(process.toHandle(), Duration.ofSeconds(65))) {
                LOG.warnf("Embedded PostgreSQL (pid %d) did not stop within 65 s; killing it (crash recovery at the "
                        + "next start)", process.pid());
                process.destroyForcibly();
            } else {
                LOG.infof("Embedded PostgreSQL (pid %d) stopped cleanly", process.pid());
            }
        }
        state = State.STOPPED;
    }

    private void pgCtlStop() {
        runToEnd(binaries.command("pg_ctl", List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60")),
                Duration.ofSeconds(70));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private int runToEnd(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot run " + Path.of(command.get(command.size() - 1)).getFileName()
                    + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The FATAL/PANIC/ERROR lines (and a failed bind, which names the port) PostgreSQL logged since an offset. */
    String problemsLoggedSince(long offset) {
        List<String> problems = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(logFile.toFile(), "r")) {
            f.seek(Math.min(offset, f.length()));
            byte[] rest = new byte[(int) Math.min(f.length() - f.getFilePointer(), 1 << 20)];
            f.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (line.contains("FATAL:") || line.contains("PANIC:") || line.contains("could not bind")
                        || line.contains("error:") || line.contains("DETAIL:") && !problems.isEmpty()) {
                    problems.add(line.replaceFirst("^.*?(FATAL|PANIC|LOG|DETAIL|ERROR|initdb|pg_ctl)", "$1").trim());
                }
            }
        } catch (IOException e) {
            return "no log";
        }
        return problems.isEmpty() ? "no error logged" : String.join(" / ", problems.subList(0, Math.min(3, problems.size())));
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static long usableBytes(Path path) {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static int waitFor(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // the supervisor is a daemon thread: keep watching
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
