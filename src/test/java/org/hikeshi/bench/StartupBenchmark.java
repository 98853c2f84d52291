package org.hikeshi.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * Measurement 5 of issue 8, section {@code startup} of {@link HikeshiBenchmark}: start-up time and resident memory
 * at idle of Hikeshi beside a bare Camunda Spring Boot app ({@code benchmark.bare.BareCamundaApplication}), both
 * started the same way ({@link ChildJvm}: a JVM of their own with the same flags and jars, an H2 file database
 * in a fresh directory under {@code target/bench/startup/}). First one start of each on an empty database, then
 * {@code bench.startup.restarts} restarts of each on its database, alternating. See docs/performance.md.
 */
final class StartupBenchmark {

	private static final int RESTARTS = Integer.getInteger("bench.startup.restarts", 6);

	private static final int IDLE_SECONDS = Integer.getInteger("bench.startup.idle", 10);

	/** JVM flags of both apps, comma-separated. */
	private static final List<String> JVM_FLAGS = commaList("bench.startup.jvm", "-Xmx512m");

	/** Extra arguments for Hikeshi only, comma-separated, for experiments ({@code --spring.main.lazy-initialization=true}). */
	private static final List<String> HIKESHI_ARGUMENTS = commaList("bench.startup.hikeshi-args", "");

	/**
	 * A file with the jars of Hikeshi's runtime class path (compile and runtime scope, as {@code mvn spring-boot:run}
	 * and the packaged jar have them), written by the {@code bench} profile; without it, the benchmark's own class path.
	 */
	private static final String CLASS_PATH_FILE = System.getProperty("bench.startup.classpath", "");

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final double TARGET = 1.3;

	private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

	private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

	private static final Pattern LOADED = Pattern.compile("java\\.cls\\.loadedClasses=(\\d+)");

	private static final Pattern UNLOADED = Pattern.compile("java\\.cls\\.unloadedClasses=(\\d+)");

	enum App {

		HIKESHI("Hikeshi", "org.hikeshi.HikeshiApplication"),

		BARE("bare Camunda app", "benchmark.bare.BareCamundaApplication");

		final String label;

		final String mainClass;

		App(String label, String mainClass) {
			this.label = label;
			this.mainClass = mainClass;
		}

		/**
		 * Hikeshi as {@code mvn spring-boot:run} runs it (application.yml: H2 file under ./data, demo users, job
		 * executor, mail catcher), with the mail catcher's SMTP and IMAP ports free ones; the bare app as it is.
		 */
		List<String> arguments() {
			if (this == BARE) {
				return List.of();
			}
			List<String> arguments = new ArrayList<>(List.of("--spring.mail.port=" + ChildJvm.freePort(),
					"--hikeshi.mail-catcher.imap-port=" + ChildJvm.freePort()));
			arguments.addAll(HIKESHI_ARGUMENTS);
			return arguments;
		}

		/**
		 * The same jars for both: Hikeshi's runtime jars (from {@link #CLASS_PATH_FILE}) after Hikeshi's classes; the
		 * bare app's class and configuration file are in the test classes. Without the file, the benchmark JVM's
		 * class path (test jars too) for both.
		 */
		String classPath() throws IOException {
			if (CLASS_PATH_FILE.isEmpty()) {
				return System.getProperty("java.class.path");
			}
			String jars = Files.readString(Path.of(CLASS_PATH_FILE)).trim();
			Path classes = Path.of("target", this == HIKESHI ? "classes" : "test-classes").toAbsolutePath();
			return classes + File.pathSeparator + jars;
		}

	}

	/** One start: seconds to ready, what Spring Boot logged, and the memory after the idle time. */
	record Sample(double ready, double cpu, double springStarted, double jvmRunning, double rss, double heapUsed,
			double heapCommitted, double metaspace, double classes) {
	}

	private StartupBenchmark() {
	}

	static void run(Results results) throws Exception {
		Path root = Path.of("target", "bench", "startup").toAbsolutePath();
		FileSystemUtils.deleteRecursively(root);
		Map<App, Sample> first = new EnumMap<>(App.class);
		Map<App, List<Sample>> restarts = new EnumMap<>(App.class);
		for (App app : App.values()) {
			first.put(app, start(app, root, 0));
			restarts.put(app, new ArrayList<>());
		}
		for (int i = 1; i <= RESTARTS; i++) {
			// alternating, and which app goes first alternates too, so that noise hits both
			List<App> order = i % 2 == 1 ? List.of(App.BARE, App.HIKESHI) : List.of(App.HIKESHI, App.BARE);
			for (App app : order) {
				restarts.get(app).add(start(app, root, i));
			}
		}
		report(results, first, restarts);
	}

	private static Sample start(App app, Path root, int n) throws Exception {
		Path directory = root.resolve(app.name().toLowerCase(Locale.ROOT));
		Path log = root.resolve(app.name().toLowerCase(Locale.ROOT) + "-" + n + ".log");
		try (ChildJvm child = ChildJvm.launch(JVM_FLAGS, app.classPath(), app.mainClass, app.arguments(), directory,
				ChildJvm.freePort(), log)) {
			double ready = child.awaitReady(READY_TIMEOUT);
			double cpu = child.cpuSeconds();
			Thread.sleep(IDLE_SECONDS * 1000L);
			double rss = child.residentMib();
			String heap = child.jcmd("GC.heap_info");
			String counters = child.jcmd("PerfCounter.print");
			Sample sample = new Sample(ready, cpu, child.springStartedSeconds(), child.jvmRunningSeconds(), rss,
					kib(HEAP, heap, 2) / 1024, kib(HEAP, heap, 1) / 1024, kib(METASPACE, heap, 1) / 1024,
					kib(LOADED, counters, 1) - kib(UNLOADED, counters, 1));
			System.out.printf(Locale.ROOT, "[bench] startup: %s %s ready in %.2f s (%.1f s CPU), %.0f MiB resident after %d s idle%n",
					app.label, n == 0 ? "first start" : "restart " + n, ready, cpu, rss, IDLE_SECONDS);
			return sample;
		}
	}

	private static double kib(Pattern pattern, String text, int group) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(group)) : Double.NaN;
	}

	private static void report(Results results, Map<App, Sample> first, Map<App, List<Sample>> restarts) {
		Sample hikeshiFirst = first.get(App.HIKESHI);
		Sample bareFirst = first.get(App.BARE);
		Stats hikeshiReady = stats(restarts.get(App.HIKESHI), Sample::ready);
		Stats bareReady = stats(restarts.get(App.BARE), Sample::ready);
		Stats hikeshiRss = stats(restarts.get(App.HIKESHI), Sample::rss);
		Stats bareRss = stats(restarts.get(App.BARE), Sample::rss);
		results.row("start-up: Hikeshi, first start on an empty database, to ready", "s", hikeshiFirst.ready(),
				Double.NaN, 1, "-");
		results.row("start-up: bare Camunda app, first start on an empty database, to ready", "s", bareFirst.ready(),
				Double.NaN, 1, "-");
		ratio(results, "ratio first start Hikeshi / bare", hikeshiFirst.ready() / bareFirst.ready(), 1);
		results.row("start-up: Hikeshi, restart on its database, to ready", "s", hikeshiReady, "-");
		results.row("start-up: bare Camunda app, restart on its database, to ready", "s", bareReady, "-");
		ratio(results, "ratio restart Hikeshi / bare (medians)", hikeshiReady.median() / bareReady.median(), RESTARTS);
		Stats hikeshiCpu = stats(restarts.get(App.HIKESHI), Sample::cpu);
		Stats bareCpu = stats(restarts.get(App.BARE), Sample::cpu);
		results.row("start-up: Hikeshi, CPU time until ready (restart, all threads)", "s", hikeshiCpu, "-");
		results.row("start-up: bare Camunda app, CPU time until ready (restart, all threads)", "s", bareCpu, "-");
		results.row("ratio CPU time to ready Hikeshi / bare (medians; less sensitive to a busy machine)", "x",
				hikeshiCpu.median() / bareCpu.median(), Double.NaN, RESTARTS, "-");
		results.row(String.format(Locale.ROOT, "memory: Hikeshi resident (VmRSS) after %d s idle", IDLE_SECONDS), "MiB",
				hikeshiRss, "-");
		results.row(String.format(Locale.ROOT, "memory: bare Camunda app resident (VmRSS) after %d s idle", IDLE_SECONDS),
				"MiB", bareRss, "-");
		ratio(results, "ratio resident memory Hikeshi / bare (medians)", hikeshiRss.median() / bareRss.median(), RESTARTS);
		for (App app : App.values()) {
			List<Sample> samples = restarts.get(app);
			results.row("memory: " + app.label + ", heap used / committed at idle (GC.heap_info)", "MiB",
					stats(samples, Sample::heapUsed).median(), stats(samples, Sample::heapCommitted).median(),
					samples.size(), "used in median, committed in p99 column");
			results.row("memory: " + app.label + ", metaspace used at idle", "MiB",
					stats(samples, Sample::metaspace), "-");
			results.row("memory: " + app.label + ", classes loaded", "classes", stats(samples, Sample::classes), "-");
		}
		results.note(String.format(Locale.ROOT,
				"start-up: both apps in a JVM of their own, flags %s, class path %s, an H2 file database under target/bench/startup/; ready = `%s` logged (after ApplicationReadyEvent) and GET /engine-rest/engine answered, from process launch; first starts, then %d restarts each, alternating; logs in target/bench/startup/",
				JVM_FLAGS.isEmpty() ? "none" : String.join(" ", JVM_FLAGS),
				CLASS_PATH_FILE.isEmpty() ? "of the benchmark (test jars too)" : "Hikeshi's runtime jars (both)",
				ChildJvm.READY_LINE, RESTARTS) + (HIKESHI_ARGUMENTS.isEmpty() ? ""
						: "; Hikeshi with " + String.join(" ", HIKESHI_ARGUMENTS)));
		results.note(String.format(Locale.ROOT,
				"start-up as Spring Boot logs it (\"Started ... in X seconds (process running for Y)\"), restart medians: Hikeshi %.2f s (JVM %.2f s), bare %.2f s (JVM %.2f s); first start: Hikeshi %.2f s, bare %.2f s; resident after the first start: Hikeshi %.0f MiB, bare %.0f MiB",
				stats(restarts.get(App.HIKESHI), Sample::springStarted).median(),
				stats(restarts.get(App.HIKESHI), Sample::jvmRunning).median(),
				stats(restarts.get(App.BARE), Sample::springStarted).median(),
				stats(restarts.get(App.BARE), Sample::jvmRunning).median(), hikeshiFirst.springStarted(),
				bareFirst.springStarted(), hikeshiFirst.rss(), bareFirst.rss()));
	}

	private static void ratio(Results results, String measurement, double ratio, int samples) {
		results.row(measurement, "x", ratio, Double.NaN, samples,
				"<= " + TARGET + "x (" + (ratio <= TARGET ? "met" : "missed") + ")");
	}

	private static List<String> commaList(String property, String defaultValue) {
		return List.of(System.getProperty(property, defaultValue).split(","))
			.stream()
			.map(String::trim)
			.filter(item -> !item.isEmpty())
			.toList();
	}

	private static Stats stats(List<Sample> samples, ToDoubleFunction<Sample> figure) {
		Stats stats = new Stats();
		samples.forEach(sample -> stats.add(figure.applyAsDouble(sample)));
		return stats;
	}

}
