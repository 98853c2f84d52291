package org.hikeshi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Spring Boot app started in a JVM of its own for the start-up benchmark: {@code java} from {@code java.home},
 * the given JVM flags, class path and main class, in its own working directory. Its output
 * goes to a log file and is watched for the line Spring Boot's {@code ApplicationAvailabilityBean} logs (at
 * {@code DEBUG}) when the app becomes ready, which it does after every {@code ApplicationReadyEvent} listener has run.
 * Every child still alive when the benchmark JVM exits is killed by a shutdown hook.
 */
final class ChildJvm implements AutoCloseable {

	/** Logged by Spring Boot once {@code ApplicationReadyEvent} has been published and handled. */
	static final String READY_LINE = "ReadinessState changed to ACCEPTING_TRAFFIC";

	/** The argument that makes Spring Boot log {@link #READY_LINE}; the same for every app. */
	static final String LOG_READINESS = "--logging.level.org.springframework.boot.availability=DEBUG";

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	/** {@code getconf CLK_TCK}: 100 on Linux for every architecture the JDK supports. */
	private static final int CLOCK_TICKS = 100;

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
	}

	private final Process process;

	private final long launchedAt;

	private final int port;

	private final Path log;

	private final Thread reader;

	private volatile long readyAt;

	private volatile double springStartedSeconds = Double.NaN;

	private volatile double jvmRunningSeconds = Double.NaN;

	private ChildJvm(Process process, long launchedAt, int port, Path log) {
		this.process = process;
		this.launchedAt = launchedAt;
		this.port = port;
		this.log = log;
		this.reader = new Thread(this::readOutput, "child-output-" + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Launches {@code mainClass}; the clock of {@link #awaitReady} starts just before the process is created. */
	static ChildJvm launch(List<String> jvmFlags, String classPath, String mainClass, List<String> arguments,
			Path directory, int port, Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command.add("-cp");
		command.add(classPath);
		command.add(mainClass);
		command.add("--server.port=" + port);
		command.add(LOG_READINESS);
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		try {
			Files.createDirectories(directory);
			long launchedAt = System.nanoTime();
			Process process = builder.start();
			RUNNING.add(process);
			return new ChildJvm(process, launchedAt, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + mainClass, ex);
		}
	}

	private void readOutput() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(this.log, StandardCharsets.UTF_8), true)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (this.readyAt == 0 && line.contains(READY_LINE)) {
					this.readyAt = System.nanoTime();
				}
				Matcher started = STARTED.matcher(line);
				if (started.find()) {
					this.springStartedSeconds = Double.parseDouble(started.group(1));
					this.jvmRunningSeconds = Double.parseDouble(started.group(2));
				}
				out.println(line);
			}
		}
		catch (IOException ex) {
			// the process is gone; what it wrote until then is in the log
		}
	}

	/**
	 * Seconds from launch until the app is ready: it has logged {@link #READY_LINE} and answers
	 * {@code GET /engine-rest/engine} with any HTTP status (polled every 50 ms), whichever comes later.
	 */
	double awaitReady(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest engine = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/engine-rest/engine"))
			.timeout(Duration.ofSeconds(10))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		long answeredAt = 0;
		while (answeredAt == 0 || this.readyAt == 0) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("exited with " + this.process.exitValue() + " before it was ready; see " + this.log);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not ready after " + timeout + "; see " + this.log);
			}
			if (answeredAt == 0) {
				try {
					http.send(engine, HttpResponse.BodyHandlers.discarding());
					answeredAt = System.nanoTime();
				}
				catch (ConnectException notListeningYet) {
					// not yet
				}
				catch (IOException notAnsweringYet) {
					// listening, not answering yet
				}
			}
			if (answeredAt == 0 || this.readyAt == 0) {
				Thread.sleep(50);
			}
		}
		return (Math.max(answeredAt, this.readyAt) - this.launchedAt) / 1e9;
	}

	/** What Spring Boot logged: "Started ... in X seconds (process running for Y)", X and Y. */
	double springStartedSeconds() {
		return this.springStartedSeconds;
	}

	double jvmRunningSeconds() {
		return this.jvmRunningSeconds;
	}

	/** CPU time the process has used so far (all its threads: user and system, from {@code /proc/<pid>/stat}). */
	double cpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(this.process.pid()), "stat"));
		// the fields after the command name in parentheses; utime and stime are the 14th and 15th of the line
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
	}

	/** Resident memory of the process: {@code VmRSS} of {@code /proc/<pid>/status}, in MiB. */
	double residentMib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("no VmRSS for process " + this.process.pid());
	}

	/** The output of {@code jcmd <pid> <command>} (the JDK's {@code jcmd} beside this JVM's {@code java}). */
	String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(this.process.pid()), command)
			.redirectErrorStream(true)
			.start();
		try {
			String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!run.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("jcmd " + command + " did not finish");
			}
			return output;
		}
		finally {
			run.destroyForcibly();
		}
	}

	/** SIGTERM (a graceful Spring Boot shutdown), then SIGKILL if it has not ended within a minute. */
	@Override
	public void close() throws InterruptedException {
		try {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			this.reader.join(5000);
		}
		finally {
			if (this.process.isAlive()) {
				this.process.destroyForcibly();
			}
			else {
				RUNNING.remove(this.process);
			}
		}
	}

	/** Ports handed out so far: the mail ports of Hikeshi stay taken by it while later starts pick their HTTP port. */
	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	/** A port free now and never handed out before in this JVM (the system may offer one again once it is closed). */
	static int freePort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				if (HANDED_OUT.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		throw new IllegalStateException("no new free port after 100 attempts");
	}

}
