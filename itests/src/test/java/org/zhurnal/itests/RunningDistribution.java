package org.zhurnal.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real distribution, unpacked from its tar.gz and started with {@code bin/karaf server} as an
 * operator would, on its own port. Used by tests that must drive it from outside (the browser).
 */
public final class RunningDistribution implements AutoCloseable {
    public final int port;
    public final Path home;
    private final Process process;

    private RunningDistribution(int port, Path home, Process process) {
        this.port = port;
        this.home = home;
        this.process = process;
    }

    public static RunningDistribution start(String name, int port, int sshPort, boolean demo) throws Exception {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use: another Zhurnal/Karaf is running", e);
        }
        Path base = Paths.get("target", name).toAbsolutePath();
        deleteTree(base);
        Files.createDirectories(base);
        Process tar = new ProcessBuilder("tar", "xzf", System.getProperty("zhurnal.distribution"), "-C", base.toString())
                .inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack the distribution");
        }
        Path home;
        try (Stream<Path> s = Files.list(base)) {
            home = s.findFirst().orElseThrow();
        }
        replace(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + port);
        replace(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + sshPort);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("console.out").toFile());
        pb.environment().put("ZHURNAL_ADMIN_PASSWORD", KarafOptions.ADMIN_PASSWORD);
        pb.environment().put("ZHURNAL_DEMO", Boolean.toString(demo));
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        RunningDistribution d = new RunningDistribution(port, home, pb.start());
        Http.Answer health = new Http(port).await("/api/v1/health", 200, Duration.ofSeconds(120));
        if (health.status() != 200) {
            String log = keepLogOfFailedStart(home, base);
            d.close();
            throw new IllegalStateException("Zhurnal did not become healthy: " + health.body() + "\n" + log);
        }
        return d;
    }

    /**
     * Copies the failed container's karaf.log next to its directory (the next start deletes the directory) and returns its
     * last warnings and errors, so that a CI log says why a start failed.
     */
    private static String keepLogOfFailedStart(Path home, Path base) {
        Path log = home.resolve("data/log/karaf.log");
        try {
            Path kept = base.resolveSibling(base.getFileName() + "-failed-" + System.currentTimeMillis() + ".log");
            Files.copy(log, kept);
            java.util.List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> (l.contains("| ERROR |") || l.contains("| WARN  |")) && !l.contains("EMFTracker")).toList();
            return "karaf.log kept as " + kept + "; its last warnings and errors:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "karaf.log could not be read: " + e;
        }
    }

    public Http http() {
        return new Http(port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " does not contain '" + from + "'");
        }
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** Stops Karaf as an operator would (bin/stop); the JVM is a child of the bin/karaf script, so wait for every descendant. */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
