package org.hikeshi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.ResponseEntity;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application ({@code target/hikeshi-*.jar}, built by {@code package} before the integration tests)
 * run as a process of its own, as an operator runs it: {@code java -jar} with arguments and environment variables.
 * Its output goes to {@code target/it/<name>-<n>.log}. It can be stopped (SIGTERM) or killed (SIGKILL).
 */
final class AppNode implements AutoCloseable {

	private final String name;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private final int port = freePort();

	private Process process;

	private Path log;

	private int starts;

	private Path directory;

	AppNode(String name, Map<String, String> environment, List<String> arguments) {
		this.name = name;
		this.environment = new LinkedHashMap<>(environment);
		this.arguments = List.copyOf(arguments);
	}

	String name() {
		return this.name;
	}

	/** Runs the node in this working directory (where the default H2 URL puts {@code ./data/}). */
	AppNode in(Path workingDirectory) {
		this.directory = workingDirectory;
		return this;
	}

	int port() {
		return this.port;
	}

	/** Starts the jar; a node that was stopped or killed starts again on the same port and settings. */
	AppNode start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is running");
		}
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-jar", jar().toString(),
				"--server.port=" + this.port, "--hikeshi.cluster.node-name=" + this.name));
		command.addAll(this.arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		if (this.directory != null) {
			builder.directory(this.directory.toFile());
		}
		this.log = workDirectory().resolve(this.name + "-" + (++this.starts) + ".log");
		builder.redirectOutput(this.log.toFile());
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.name, ex);
		}
		return this;
	}

	/** Waits until the node answers its load balancer's health check, failing at once if it exits. */
	AppNode awaitReady(Duration timeout) {
		TestRestTemplate anonymous = rest();
		await().alias(this.name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " exited with " + this.process.exitValue() + ":\n" + logTail(60));
			}
			try {
				ResponseEntity<JsonNode> health = anonymous.getForEntity("/actuator/health/readiness", JsonNode.class);
				return health.getStatusCode().is2xxSuccessful() && "UP".equals(health.getBody().get("status").asText());
			}
			catch (RuntimeException notListeningYet) {
				return false;
			}
		});
		return this;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, nothing cleaned up. */
	void kill() {
		this.process.destroyForcibly();
		waitFor(Duration.ofSeconds(30));
	}

	/** SIGTERM: a graceful shutdown, killed if it takes longer than a minute. */
	void stop() {
		if (isAlive()) {
			this.process.destroy();
			if (!waitFor(Duration.ofMinutes(1))) {
				kill();
			}
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		stop();
	}

	TestRestTemplate rest() {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + this.port)
			.connectTimeout(Duration.ofSeconds(5))
			.readTimeout(Duration.ofSeconds(60)));
	}

	TestRestTemplate as(String user) {
		return rest().withBasicAuth(user, user);
	}

	/** The last lines of the node's current log, for failure messages. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + (this.process == null ? "-" : this.process.pid()) + ", port " + this.port + ")";
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the integration tests keep their files: {@code target/it}. */
	static Path workDirectory() {
		Path dir = Paths.get(System.getProperty("hikeshi.it.work", "target/it")).toAbsolutePath();
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path jar() {
		Path jar = Paths.get(System.getProperty("hikeshi.jar", "target/hikeshi-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the integration tests run after `mvn package`");
		}
		return jar;
	}

	private static String javaBinary() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

}
