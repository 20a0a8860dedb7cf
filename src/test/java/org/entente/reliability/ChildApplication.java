package org.entente.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashWriter} in its own JVM, on the test JVM's class path. Its standard output is read line by
 * line (and copied to {@code NAME.out}); its standard error goes to {@code NAME.err}.
 */
final class ChildApplication implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();
    private final List<String> acks = new ArrayList<>();

    private ChildApplication(String name, Process process, Path out) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(() -> read(out), "child-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code CrashWriter ARGS...}; the class path is the test JVM's own (surefire's manifest-only jar works too). */
    static ChildApplication start(Path logs, String name, List<String> args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectError(logs.resolve(name + ".err").toFile())
                .start();
        return new ChildApplication(name, process, logs.resolve(name + ".out"));
    }

    private void read(Path out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                copy.println(line);
                synchronized (this) {
                    if (line.startsWith("ACK ")) {
                        acks.add(line.substring(4));
                    } else {
                        lines.add(line);
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the child is gone; what it printed before is kept
        }
    }

    /** Waits for a line starting with {@code prefix}; fails if the child ends first or the time runs out. */
    synchronized String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> found = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (!reader.isAlive() || left <= 0) {
                throw new AssertionError("child " + name + " printed no '" + prefix + "' line (alive: " + process.isAlive()
                        + "); see its .out and .err files; last lines: " + lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            }
            wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 500));
        }
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), then waits for the child and for all it printed. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        int exit = process.waitFor();
        reader.join(10_000);
        return exit;
    }

    /** The fact ids the child acknowledged, in order. */
    synchronized List<String> acks() {
        return List.copyOf(acks);
    }

    /** The other lines it printed (log lines and the protocol: READY, REFUSED, PAYLOADS, PORT, ...). */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Sends a line to the child's standard input. */
    void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    long pid() {
        return process.pid();
    }

    /** Closes its standard input (a verifying child then stops by itself) and waits; kills it if it does not stop. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
        reader.join(10_000);
    }
}
