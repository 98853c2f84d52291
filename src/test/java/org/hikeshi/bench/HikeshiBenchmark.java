package org.hikeshi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.hikeshi.HikeshiApplication;
import org.hikeshi.evidence.CustodyService;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.ResponsePolicy;
import org.hikeshi.reporting.TimedPdfRenderer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of issue 8 (see docs/performance.md): {@code mvn -Pbench verify}. Not a test: it asserts no times; it
 * prints a table and writes it to {@code target/bench/results.md}. Its knobs are system properties:
 * {@code bench.db} ({@code h2} or {@code postgres}), {@code bench.incidents}, {@code bench.rounds},
 * {@code bench.warmup}, {@code bench.warmup-batches}, {@code bench.open}, {@code bench.smtp-port}, {@code bench.sections}
 * (a comma list of {@code startup,intake,lifecycle,tasklist,timers}; {@code startup} runs first, see
 * {@link StartupBenchmark}), {@code bench.intake-rate}, {@code bench.intake-seconds}.
 */
public final class HikeshiBenchmark {

	private static final String DB = System.getProperty("bench.db", "h2");

	/**
	 * On H2: {@code mem} (the default) keeps every database of the benchmark in its heap, as the tests do;
	 * {@code file} puts each in a file under {@link #H2_DIRECTORY}, as Hikeshi's default setup keeps its own
	 * ({@code WRITE_DELAY=0}); under this load the files grow by gigabytes within minutes and the rounds take about
	 * 1.7 times as long (docs/performance.md, "Alternating rounds").
	 */
	private static final boolean H2_FILES = "file".equals(System.getProperty("bench.h2", "mem"));

	private static final Path H2_DIRECTORY = Path.of("target", "bench", "h2").toAbsolutePath();

	private static final int INCIDENTS = Integer.getInteger("bench.incidents", 1000);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 50);

	/** At most this many warm-up batches of {@link #WARMUP} instances each (see {@link #warmUp}). */
	private static final int WARMUP_BATCHES = Integer.getInteger("bench.warmup-batches", 16);

	/** A warm-up ends when this many batches in a row were no more than 3 % faster than the fastest before them. */
	private static final int PLATEAU = 3;

	/** At least this many warm-up batches of Hikeshi and of the diagram baseline (see {@link Warmup}). */
	private static final int WARMUP_MIN_BATCHES = Integer.getInteger("bench.warmup-min-batches", 6);

	private static final int OPEN = Integer.getInteger("bench.open", 10_000);

	private static final int SMTP_PORT = Integer.getInteger("bench.smtp-port", 3929);

	private static final int INTAKE_RATE = Integer.getInteger("bench.intake-rate", 20);

	private static final int INTAKE_SECONDS = Integer.getInteger("bench.intake-seconds", 60);

	private static final Set<String> SECTIONS = new TreeSet<>(
			List.of(System.getProperty("bench.sections", "startup,intake,lifecycle,tasklist,timers").split(",")));

	private HikeshiBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cores = Runtime.getRuntime().availableProcessors();
		Results results = new Results("# Hikeshi benchmark\n\n" + DateTimeFormatter.ISO_INSTANT.format(Instant.now())
				+ " · database " + DB + ("postgres".equals(DB) ? "" : H2_FILES ? " (files)" : " (in memory)") + " · "
				+ cores + " cores · Java " + System.getProperty("java.version") + " · "
				+ INCIDENTS + " incidents in " + ROUNDS + " rounds after a warm-up in batches of " + WARMUP
				+ " until steady (at least " + WARMUP_MIN_BATCHES + ", at most " + WARMUP_BATCHES + " batches)");
		Path file = Path.of("target", "bench", "results.md");
		if (H2_FILES && !"postgres".equals(DB)) {
			org.springframework.util.FileSystemUtils.deleteRecursively(H2_DIRECTORY);
			java.nio.file.Files.createDirectories(H2_DIRECTORY);
		}
		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		EmbeddedPostgres postgres = "postgres".equals(DB) ? startPostgres() : null;
		ConfigurableApplicationContext app = null;
		Baseline baseline = null;
		try {
			if (SECTIONS.contains("startup")) {
				StartupBenchmark.run(results); // first, before the in-process app, so that the JVMs do not compete
			}
			if (SECTIONS.contains("intake")) {
				intake(results, postgres, smtp);
			}
			if (!SECTIONS.contains("lifecycle") && !SECTIONS.contains("tasklist") && !SECTIONS.contains("timers")) {
				return;
			}
			long startedAt = System.nanoTime();
			app = start(postgres, "hikeshi", OUTBOX_POLLER);
			results.note(String.format(Locale.ROOT, "Hikeshi started in %.1f s (profile test: job executor off, the benchmark runs the jobs; the application's outbox poller sends the mail, each round ends when its mail is delivered)",
					Stats.millisSince(startedAt) / 1000));
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			HikeshiDriver hikeshi = new HikeshiDriver(app.getBean(IncidentService.class), engine,
					app.getBean(CustodyService.class));
			OutboxDrain mail = new OutboxDrain(app.getBean(JdbcClient.class));
			TimedPdfRenderer pdf = app.getBean(TimedPdfRenderer.class);
			if (SECTIONS.contains("lifecycle")) {
				baseline = lifecycle(results, engine, hikeshi, pdf, mail, postgres, smtp);
			}
			if (SECTIONS.contains("tasklist")) {
				tasklist(results, engine, hikeshi, app.getBean(IncidentService.class), mail);
			}
			if (SECTIONS.contains("timers")) {
				timers(results, engine, app.getEnvironment());
			}
		}
		finally {
			results.print();
			results.write(file);
			System.out.println("[bench] written to " + file.toAbsolutePath());
			if (baseline != null) {
				baseline.close();
			}
			if (app != null) {
				app.close();
			}
			if (postgres != null) {
				postgres.close();
			}
			smtp.stop();
		}
	}

	// --- 2. intake to the client's "received" mail, over HTTP at a steady rate

	private static void intake(Results results, EmbeddedPostgres postgres, GreenMail smtp) throws Exception {
		// as in production: the job executor runs the jobs, the outbox poller sends the mail
		ConfigurableApplicationContext app = start(postgres, "intake", OUTBOX_POLLER,
				"--camunda.bpm.job-execution.enabled=true");
		IntakeLoad load = new IntakeLoad(((WebServerApplicationContext) app).getWebServer().getPort(), "coordinator",
				"coordinator");
		try {
			OutboxDrain outbox = new OutboxDrain(app.getBean(JdbcClient.class));
			load.run(INTAKE_RATE, 10, false); // warm-up, not measured
			outbox.awaitDrained();
			load.run(INTAKE_RATE, INTAKE_SECONDS, true);
			// every receipt: its job may still wait for the job executor when the outbox is momentarily empty
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long receiptsDeadline = System.nanoTime() + 120_000_000_000L;
			while (sentReceipts(jdbc) < load.created.get() && System.nanoTime() < receiptsDeadline) {
				Thread.sleep(20);
			}
			long left = outbox.awaitDrained();
			Map<Long, Instant[]> mailed = new HashMap<>();
			app.getBean(JdbcClient.class)
				.sql("SELECT incident_id, created_at, sent_at FROM mail_outbox WHERE event = 'INCIDENT_RECEIVED' AND status = 'SENT'")
				.query((rs, row) -> mailed.put(rs.getLong(1),
						new Instant[] { rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
								rs.getObject(3, java.time.OffsetDateTime.class).toInstant() }))
				.list();
			Stats latency = new Stats();
			Stats toQueued = new Stats();
			Stats queuedToSent = new Stats();
			load.postedAt.forEach((incident, posted) -> {
				Instant[] times = mailed.get(incident);
				if (times != null) {
					latency.add(millisBetween(posted, times[1]));
					toQueued.add(millisBetween(posted, times[0]));
					queuedToSent.add(millisBetween(times[0], times[1]));
				}
			});
			long accepted = java.util.Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> subjectOf(m).contains("ご依頼を受け付けました"))
				.count();
			int calls = INTAKE_RATE * INTAKE_SECONDS;
			results.row(String.format(Locale.ROOT, "intake to \"received\" mail accepted by the SMTP server, %d intakes/s for %d s (over HTTP)",
					INTAKE_RATE, INTAKE_SECONDS), "ms", latency, "p99 < 1 s (p95 " + Results.fmt(latency.p95()) + ", max "
							+ Results.fmt(latency.percentile(100)) + ")");
			results.row("... answer to POST /api/incidents", "ms", load.answerMillis, "p95 " + Results.fmt(load.answerMillis.p95()));
			results.row("... call to mail queued (the receipt's job run by the job executor)", "ms", toQueued, "p95 " + Results.fmt(toQueued.p95()));
			results.row("... mail queued to accepted by the SMTP server (the outbox)", "ms", queuedToSent, "p95 " + Results.fmt(queuedToSent.p95()));
			results.note(String.format(Locale.ROOT, "intake: %d of %d calls answered 201, %d received mails sent, %d left unsent, %d errors%s; %d receipt mails in GreenMail (warm-up included)",
					load.postedAt.size(), calls, latency.count(), left, load.errors.size(),
					load.errors.isEmpty() ? "" : " (first: " + load.errors.peek() + ")", accepted));
		}
		finally {
			load.close();
			app.close();
			smtp.reset();
		}
	}

	private static long sentReceipts(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE event = 'INCIDENT_RECEIVED' AND status = 'SENT'")
			.query(Long.class)
			.single();
	}

	private static double millisBetween(Instant from, Instant to) {
		return java.time.Duration.between(from, to).toNanos() / 1_000_000.0;
	}

	private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- 1. lifecycle throughput, beside the bare engine

	private static Baseline lifecycle(Results results, ProcessEngine engine, HikeshiDriver hikeshi,
			TimedPdfRenderer pdf, OutboxDrain mail, EmbeddedPostgres postgres, GreenMail smtp) throws Exception {
		IntConsumer hikeshiIncident = n -> hikeshi.runToClose(n,
				n % 2 == 0 ? ResponsePolicy.EVIDENCE_FIRST : ResponsePolicy.RECOVERY_FIRST);
		// one batch first: the diagram baseline starts its instances with the variables Hikeshi's incidents ended with
		Warmup warmHikeshi = new Warmup("Hikeshi", hikeshiIncident);
		warmHikeshi.batch();
		Baseline.Shape shape = shapeOfLastIncidents(engine.getHistoryService());
		results.note("one Hikeshi incident passes through " + shape + " (mean of both policies); the baseline has the same");
		mail.awaitDrained();
		pdf.drain();

		Baseline.Database database = "postgres".equals(DB)
				? new Baseline.Database(postgres.getJdbcUrl("postgres", "baseline"), "postgres", "", "org.postgresql.Driver")
				: new Baseline.Database(h2Url("baseline"), "sa", "", "org.h2.Driver");
		// the baseline of the target: Hikeshi's own diagram, every delegate a no-op; its rounds alternate with
		// Hikeshi's, so that both meet the same machine, the same heap (both databases grow in it) and the same JIT
		Rounds whole = new Rounds();
		Rounds bareDiagram = new Rounds();
		Warmup warmDiagram;
		int mails;
		try (DiagramBaseline diagram = DiagramBaseline.of(engine, database.named("baseline_diagram"))) {
			warmDiagram = new Warmup("diagram baseline", diagram::runOne);
			Warmup.together(warmHikeshi, warmDiagram);
			mail.awaitDrained();
			pdf.drain();
			Baseline.Shape diagramShape = shapeOfLastIncidents(diagram.history());
			results.note("the diagram baseline runs Hikeshi's deployment (" + diagram.noopBeans()
					+ " delegate and listener names resolving to a no-op); one instance passes through " + diagramShape
					+ (diagramShape.toString().equals(shape.toString()) ? ", the same as Hikeshi's" : ", Hikeshi's: " + shape));
			int mailsBefore = smtp.getReceivedMessages().length;
			TableRows hikeshiRows = TableRows.from(dataSource(engine));
			TableRows diagramRows = TableRows.from(diagram.dataSource());
			hikeshi.steps.start();
			diagram.steps.start();
			StringBuilder order = new StringBuilder();
			for (int round = 0; round < ROUNDS; round++) {
				// ABBA: Hikeshi first in the even rounds, the baseline first in the odd ones
				boolean hikeshiFirst = round % 2 == 0;
				for (int side = 0; side < 2; side++) {
					if ((side == 0) == hikeshiFirst) {
						round(whole, round, "Hikeshi", hikeshiIncident, pdf, mail);
					}
					else {
						round(bareDiagram, round, "baseline", diagram::runOne, null, null);
					}
				}
				order.append(round == 0 ? "" : ", ").append(hikeshiFirst ? "Hikeshi/baseline" : "baseline/Hikeshi");
			}
			mails = smtp.getReceivedMessages().length - mailsBefore;
			results.note("rounds alternate, Hikeshi and the diagram baseline (" + order + "), seconds per round of "
					+ perRound() + ": Hikeshi " + whole.seconds() + "; baseline " + bareDiagram.seconds());
			results.note("ratio Hikeshi minus PDF / baseline, round by round (each against the baseline's round beside it): "
					+ pairRatios(whole.throughputWithoutPdf, bareDiagram.throughput));
			results.note("steps of a Hikeshi incident beside the same steps of the diagram baseline: "
					+ hikeshi.steps.beside(diagram.steps, INCIDENTS, 15));
			results.note("rows left in the database per incident, Hikeshi: " + hikeshiRows.addedPer(INCIDENTS, 14));
			results.note("rows left in the database per instance, diagram baseline: " + diagramRows.addedPer(INCIDENTS, 14));
		}
		smtp.reset();
		// for reference: one straight path of the same counts, only exclusive gateways and no scopes, on a bare engine
		// and on Hikeshi's (its configuration, plugins, Spring transactions, database), to tell the two apart
		Baseline baseline = new Baseline(database, shape);
		String warmPath = warmUp(baseline::runOne);
		Rounds bare = rounds(baseline::runOne, null, null);
		Rounds pathOnHikeshi;
		try (Baseline onHikeshi = Baseline.on(engine, shape)) {
			String warmPathOnHikeshi = warmUp(onHikeshi::runOne);
			results.note("warm-up (instances/s per batch of " + WARMUP + ", Hikeshi and the diagram baseline alternating, "
					+ "until each is steady): " + warmHikeshi + "; " + warmDiagram + "; then on their own: straight path "
					+ warmPath + "; the path on Hikeshi's engine " + warmPathOnHikeshi);
			pathOnHikeshi = rounds(onHikeshi::runOne, null, null);
		}

		results.row("baseline: bare engine, Hikeshi's diagram, no-op delegates", "incidents/s", bareDiagram.throughput, "-");
		results.row("baseline: one instance start to end", "ms", bareDiagram.incidentMillis, "-");
		results.row("Hikeshi whole (pricing, reports, mail queued and sent beside)", "incidents/s", whole.throughput, "printed");
		results.row("Hikeshi whole, until all its mail is accepted by the SMTP server", "incidents/s",
				whole.throughputWithMail, "-");
		results.row("Hikeshi whole: one incident start to end", "ms", whole.incidentMillis, "-");
		results.row("PDF rendering, per report", "ms", whole.pdfMillis, "p99 < 300 ms");
		results.row("Hikeshi minus PDF rendering", "incidents/s", whole.throughputWithoutPdf, "-");
		double ratio = whole.throughputWithoutPdf.median() / bareDiagram.throughput.median();
		double ratioWhole = whole.throughput.median() / bareDiagram.throughput.median();
		results.row("ratio Hikeshi minus PDF / baseline (medians)", "x", ratio, Double.NaN, ROUNDS, ">= 0.8");
		results.row("ratio Hikeshi whole / baseline (medians)", "x", ratioWhole, Double.NaN, ROUNDS, "-");
		results.row("for reference: bare engine, one straight path of the same counts, no-op delegates", "incidents/s",
				bare.throughput, "-");
		results.row("... ratio Hikeshi minus PDF / that path (medians)", "x",
				whole.throughputWithoutPdf.median() / bare.throughput.median(), Double.NaN, ROUNDS, "-");
		results.row("... the same path on Hikeshi's engine (its settings, plugins, transactions, database)",
				"incidents/s", pathOnHikeshi.throughput, "-");
		results.row("... ratio that path on Hikeshi's engine / on the bare engine (medians)", "x",
				pathOnHikeshi.throughput.median() / bare.throughput.median(), Double.NaN, ROUNDS, "-");
		results.note(String.format(Locale.ROOT, "%d mails accepted by the SMTP server during the Hikeshi rounds (%.1f per incident); %d reports rendered",
				mails, mails / (double) INCIDENTS, whole.pdfMillis.count()));
		return baseline;
	}

	/**
	 * The warm-up of one side of the comparison, in batches of {@link #WARMUP} instances (negative numbers). A side is
	 * steady once it has run {@link #WARMUP_MIN_BATCHES} batches and none of its last {@link #PLATEAU} batches was more
	 * than 3 % faster than its fastest batch before them: the JIT compiler has compiled what its instances run. One
	 * batch is not enough to tell: a batch slowed by the machine ended the warm-up of 20:33 on 2026-12-02 right after
	 * Hikeshi's fastest batch so far, and its first round was then a third slower than the four after it. Hikeshi
	 * runs much more code than the bare engine (templates, decisions, PDF, mail) and takes longer to get there, and
	 * the two share the engine's code, whose compiled form depends on what ran before: so both warm up in
	 * alternation, as their rounds then run.
	 */
	private static final class Warmup {

		private final String name;

		private final IntConsumer instance;

		private final List<Double> rates = new java.util.ArrayList<>();

		private int number;

		Warmup(String name, IntConsumer instance) {
			this.name = name;
			this.instance = instance;
		}

		void batch() {
			long start = System.nanoTime();
			for (int i = 0; i < WARMUP; i++) {
				this.instance.accept(-1 - this.number++);
			}
			this.rates.add(WARMUP / (Stats.millisSince(start) / 1000));
		}

		boolean steady() {
			int n = this.rates.size();
			if (n < WARMUP_MIN_BATCHES) {
				return false;
			}
			return plateau(this.rates, WARMUP_MIN_BATCHES);
		}

		/**
		 * Whether {@code rates} (instances per second of each batch so far) end in a plateau: at least
		 * {@code minBatches} of them, and none of the last {@link #PLATEAU} more than 3 % faster than the fastest
		 * before them.
		 */
		static boolean plateau(List<Double> rates, int minBatches) {
			int n = rates.size();
			if (n < Math.max(minBatches, PLATEAU + 1)) {
				return false;
			}
			double fastestBefore = rates.subList(0, n - PLATEAU).stream().mapToDouble(Double::doubleValue).max().orElse(0);
			return rates.subList(n - PLATEAU, n).stream().allMatch(rate -> rate <= fastestBefore * 1.03);
		}

		/** Batches of each in turn until both are steady, at most {@link #WARMUP_BATCHES} each. */
		static void together(Warmup first, Warmup second) {
			while ((!first.steady() || !second.steady())
					&& Math.max(first.rates.size(), second.rates.size()) < WARMUP_BATCHES) {
				if (first.rates.size() <= second.rates.size()) {
					first.batch();
				}
				else {
					second.batch();
				}
			}
		}

		@Override
		public String toString() {
			return this.name + " " + String.join(", ", this.rates.stream()
				.map(r -> String.format(Locale.ROOT, "%.1f", r))
				.toList()) + (steady() ? "" : " (not steady after " + this.rates.size() + " batches)");
		}

	}

	/**
	 * Runs warm-up instances (negative numbers) in batches of {@link #WARMUP} until they reach a plateau as in
	 * {@link Warmup#plateau} (at least {@link #PLATEAU} + 1 batches), at most {@link #WARMUP_BATCHES} batches.
	 * @return the instances per second of each batch
	 */
	private static String warmUp(IntConsumer instance) {
		Warmup warmup = new Warmup("", instance);
		while (!Warmup.plateau(warmup.rates, 0) && warmup.rates.size() < WARMUP_BATCHES) {
			warmup.batch();
		}
		return String.join(", ", warmup.rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList());
	}

	private static javax.sql.DataSource dataSource(ProcessEngine engine) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
	}

	private static String pairRatios(Stats hikeshi, Stats baseline) {
		List<String> ratios = new java.util.ArrayList<>();
		for (int i = 0; i < Math.min(hikeshi.count(), baseline.count()); i++) {
			ratios.add(String.format(Locale.ROOT, "%.2f", hikeshi.get(i) / baseline.get(i)));
		}
		return String.join(", ", ratios);
	}

	private static int perRound() {
		return Math.max(1, INCIDENTS / ROUNDS);
	}

	/** The rounds after the warm-up: throughput per round, time per incident, PDF time per report. */
	private static Rounds rounds(IntConsumer incident, TimedPdfRenderer pdf, OutboxDrain mail)
			throws InterruptedException {
		Rounds rounds = new Rounds();
		for (int round = 0; round < ROUNDS; round++) {
			round(rounds, round, "", incident, pdf, mail);
		}
		return rounds;
	}

	/**
	 * One round of {@link #perRound()} instances, numbered after the rounds before; with {@code mail}, it ends when
	 * all its mail is accepted, with {@code pdf}, its reports' rendering time is taken off for the "minus PDF" figure.
	 */
	private static void round(Rounds rounds, int round, String side, IntConsumer incident, TimedPdfRenderer pdf,
			OutboxDrain mail) throws InterruptedException {
		int perRound = perRound();
		long roundStart = System.nanoTime();
		for (int i = 0; i < perRound; i++) {
			long start = System.nanoTime();
			incident.accept(round * perRound + i);
			rounds.incidentMillis.add(Stats.millisSince(start));
		}
		double seconds = Stats.millisSince(roundStart) / 1000;
		rounds.throughput.add(perRound / seconds);
		if (mail != null) {
			if (mail.awaitDrained() > 0) {
				throw new IllegalStateException("mail of round " + (round + 1) + " still not delivered after 15 minutes");
			}
			double withMail = Stats.millisSince(roundStart) / 1000;
			rounds.throughputWithMail.add(perRound / withMail);
			System.out.printf(Locale.ROOT, "[bench] round %d: its mail delivered %.1f s after its last incident%n",
					round + 1, withMail - seconds);
		}
		if (pdf != null) {
			Stats reports = new Stats();
			pdf.drain().forEach(reports::add);
			rounds.pdfMillis.addAll(reports);
			rounds.throughputWithoutPdf.add(perRound / (seconds - reports.sum() / 1000));
		}
		System.out.printf(Locale.ROOT, "[bench] round %d%s: %d instances in %.1f s%n", round + 1,
				side.isEmpty() ? "" : " (" + side + ")", perRound, seconds);
	}

	private static final class Rounds {

		final Stats throughput = new Stats();

		final Stats incidentMillis = new Stats();

		final Stats pdfMillis = new Stats();

		final Stats throughputWithoutPdf = new Stats();

		final Stats throughputWithMail = new Stats();

		/** Seconds of each round, in their order. */
		String seconds() {
			List<String> seconds = new java.util.ArrayList<>();
			for (int i = 0; i < this.throughput.count(); i++) {
				seconds.add(String.format(Locale.ROOT, "%.1f", perRound() / this.throughput.get(i)));
			}
			return String.join(", ", seconds);
		}

	}

	/** What the warm-up incidents went through: activities by type, and the jobs created, from their history. */
	private static Baseline.Shape shapeOfLastIncidents(HistoryService history) {
		List<String> instances = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(IncidentProcess.PROCESS_KEY)
			.finished()
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 2)
			.stream()
			.map(p -> p.getId())
			.toList();
		Map<String, Integer> activities = new HashMap<>();
		int async = 0;
		int timers = 0;
		int variables = 0;
		int userTasks = 0;
		for (String instance : instances) {
			for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance)
				.listPage(0, 2000)) {
				activities.merge(activity.getActivityType(), 1, Integer::sum);
			}
			for (HistoricJobLog log : history.createHistoricJobLogQuery()
				.processInstanceId(instance)
				.creationLog()
				.listPage(0, 2000)) {
				if (log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer")) {
					timers++;
				}
				else {
					async++;
				}
			}
			variables += (int) history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().count();
		}
		int n = Math.max(1, instances.size());
		userTasks = activities.getOrDefault("userTask", 0) / n;
		int gateways = (activities.getOrDefault("exclusiveGateway", 0) + activities.getOrDefault("parallelGateway", 0)
				+ activities.getOrDefault("inclusiveGateway", 0)) / n;
		int services = (activities.getOrDefault("serviceTask", 0) + activities.getOrDefault("businessRuleTask", 0)) / n;
		return new Baseline.Shape(userTasks, services, gateways, async / n, timers / n,
				Math.max(1, variables / n / Math.max(1, userTasks)));
	}

	// --- 3. the coordinator's task list and our incident list with many open incidents

	private static void tasklist(Results results, ProcessEngine engine, HikeshiDriver hikeshi,
			IncidentService incidents, OutboxDrain mail) throws InterruptedException {
		long open = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(IncidentProcess.PROCESS_KEY)
			.count();
		long start = System.nanoTime();
		int made = 0;
		for (long i = open; i < OPEN; i++, made++) {
			Incident incident = hikeshi.open(100_000 + made);
			hikeshi.completeNda(incident);
			if (made % 1000 == 999) {
				System.out.printf(Locale.ROOT, "[bench] %d incidents opened%n", made + 1);
			}
		}
		mail.awaitDrained();
		results.note(String.format(Locale.ROOT, "%d incidents opened (intake, NDA, waiting for dispatch) in %.0f s for the task-list queries",
				made, Stats.millisSince(start) / 1000));
		IdentityService identity = engine.getIdentityService();
		Stats tasks = new Stats();
		Stats taskCount = new Stats();
		Stats incidentList = new Stats();
		Stats managerList = new Stats();
		int pageSize = 15;
		try {
			for (int i = 0; i < 250; i++) {
				identity.setAuthentication("coordinator", List.of(IncidentProcess.Groups.COORDINATORS));
				long t = System.nanoTime();
				List<Task> page = engine.getTaskService()
					.createTaskQuery()
					.taskCandidateGroup(IncidentProcess.Groups.COORDINATORS)
					.orderByDueDate()
					.asc()
					.listPage(0, pageSize);
				double took = Stats.millisSince(t);
				t = System.nanoTime();
				long count = engine.getTaskService()
					.createTaskQuery()
					.taskCandidateGroup(IncidentProcess.Groups.COORDINATORS)
					.count();
				double tookCount = Stats.millisSince(t);
				t = System.nanoTime();
				incidents.listVisibleTo("coordinator", false, 0, 20);
				double tookList = Stats.millisSince(t);
				identity.clearAuthentication();
				t = System.nanoTime();
				incidents.listVisibleTo("manager", true, 0, 20);
				double tookManager = Stats.millisSince(t);
				if (page.isEmpty() || count < made) {
					throw new IllegalStateException("the coordinator sees " + count + " tasks, fewer than the " + made + " incidents just opened");
				}
				if (i >= 50) {
					tasks.add(took);
					taskCount.add(tookCount);
					incidentList.add(tookList);
					managerList.add(tookManager);
				}
			}
		}
		finally {
			identity.clearAuthentication();
		}
		results.row(String.format(Locale.ROOT, "task list of a coordinator (candidate group, by due date, first %d) at %d open incidents", pageSize, OPEN),
				"ms", tasks, "p95 < 100 ms (p95 " + Results.fmt(tasks.p95()) + ")");
		results.row("count of the same tasks (Tasklist asks for it beside the page)", "ms", taskCount, "p95 " + Results.fmt(taskCount.p95()));
		results.row("incident list of our API, as a coordinator (first 20)", "ms", incidentList, "p95 " + Results.fmt(incidentList.p95()));
		results.row("incident list of our API, as a manager (first 20)", "ms", managerList, "p95 " + Results.fmt(managerList.p95()));
	}

	// --- 4. SLA timers all due at once

	private static void timers(Results results, ProcessEngine engine, Environment environment) throws InterruptedException {
		var management = engine.getManagementService();
		List<Job> warnings = management.createJobQuery()
			.activityId(IncidentProcess.Elements.TIMER_DISPATCH_SLA_WARNING)
			.timers()
			.listPage(0, 100_000);
		if (warnings.isEmpty()) {
			results.note("timers: no incident waits for dispatch, nothing to measure");
			return;
		}
		Date latestDue = warnings.stream().map(Job::getDuedate).max(Date::compareTo).orElseThrow();
		ClockUtil.setCurrentTime(new Date(latestDue.getTime() + 1000));
		JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		// the test profile runs no job executor of its own: the engine's, with Hikeshi's camunda.bpm.job-execution.*
		Binder.get(environment).bind("camunda.bpm.job-execution", Bindable.ofInstance(executor));
		if (executor instanceof DefaultJobExecutor pool) {
			Binder binder = Binder.get(environment);
			binder.bind("camunda.bpm.job-execution.core-pool-size", Integer.class).ifBound(pool::setCorePoolSize);
			binder.bind("camunda.bpm.job-execution.max-pool-size", Integer.class).ifBound(pool::setMaxPoolSize);
			binder.bind("camunda.bpm.job-execution.queue-capacity", Integer.class).ifBound(pool::setQueueSize);
		}
		long jobs = management.createJobQuery().count();
		long executable = management.createJobQuery().executable().count();
		results.note(String.format(Locale.ROOT, "timers: %d jobs in the table, %d of them due (%d SLA-warning timers); %d historic activity instances",
				jobs, executable, warnings.size(), engine.getHistoryService().createHistoricActivityInstanceQuery().count()));
		results.note(String.format(Locale.ROOT, "timers: job executor with %d jobs per acquisition, wait %d ms, lock %d ms%s",
				executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(), executor.getLockTimeInMillis(),
				executor instanceof DefaultJobExecutor pool ? String.format(Locale.ROOT, ", threads %d to %d, queue %d",
						pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueSize()) : ""));
		long start = System.nanoTime();
		try {
			executor.start();
			long deadline = System.nanoTime() + 600_000_000_000L;
			long left;
			do {
				Thread.sleep(200);
				left = management.createJobQuery()
					.activityId(IncidentProcess.Elements.TIMER_DISPATCH_SLA_WARNING)
					.timers()
					.count();
			}
			while (left > 0 && System.nanoTime() < deadline);
			double fired = Stats.millisSince(start) / 1000;
			long followUps;
			do {
				Thread.sleep(200);
				followUps = management.createJobQuery().activityId(IncidentProcess.Elements.TASK_NOTIFY_DISPATCH_SLA_WARNING).count();
			}
			while (followUps > 0 && System.nanoTime() < deadline);
			double done = Stats.millisSince(start) / 1000;
			results.row(String.format(Locale.ROOT, "%d SLA-warning timers due at once: all fired", warnings.size()), "s", fired,
					Double.NaN, 1, "< 60 s" + (left > 0 ? " (" + left + " still due after 600 s)" : ""));
			results.row("... and their warning mails queued (the asynchronous step after each timer)", "s", done, Double.NaN, 1, "-");
		}
		finally {
			executor.shutdown();
			ClockUtil.reset();
		}
	}

	// --- the application and the databases

	/** The application's own outbox delivery, switched off in the test profile: mail goes out after each commit. */
	private static final String OUTBOX_POLLER = "--hikeshi.notification.outbox.scheduler-enabled=true";

	/**
	 * Hikeshi with the test profile (in-memory H2, or the given database of the embedded PostgreSQL), mail to the
	 * benchmark's GreenMail, the PDF renderer timed; {@code args} as on a command line, above everything else.
	 */
	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String database, String... args) {
		// system properties: above the profiles' files, as the tests' own properties are
		System.setProperty("server.port", "0");
		System.setProperty("hikeshi.test.smtp-port", String.valueOf(SMTP_PORT));
		System.setProperty("logging.level.root", "WARN");
		if (postgres != null) {
			System.setProperty("POSTGRES_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
			System.setProperty("POSTGRES_USER", "hikeshi");
			System.setProperty("POSTGRES_PASSWORD", "hikeshi");
		}
		else if (H2_FILES) {
			System.setProperty("spring.datasource.url", h2Url(database) + ";AUTO_SERVER=FALSE");
		}
		return new SpringApplicationBuilder(HikeshiApplication.class)
			.profiles(postgres != null ? new String[] { "test", "postgres" } : new String[] { "test" })
			.initializers(context -> {
				TimedPdfRenderer.registerPrimary((GenericApplicationContext) context);
				((GenericApplicationContext) context).registerBean(Baseline.NOOP_BEAN, JavaDelegate.class,
						Baseline.Noop::new);
			})
			.run(args);
	}

	/** An H2 database of the benchmark: a file as Hikeshi's default setup has ({@code WRITE_DELAY=0}), or in memory. */
	private static String h2Url(String name) {
		return H2_FILES ? "jdbc:h2:file:" + H2_DIRECTORY.resolve(name) + ";WRITE_DELAY=0"
				: "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	private static EmbeddedPostgres startPostgres() throws Exception {
		EmbeddedPostgres server = EmbeddedPostgres.start();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE hikeshi LOGIN PASSWORD 'hikeshi'");
			statement.execute("CREATE DATABASE hikeshi OWNER hikeshi ENCODING 'UTF8' TEMPLATE template0");
			statement.execute("CREATE DATABASE baseline ENCODING 'UTF8' TEMPLATE template0");
			statement.execute("CREATE DATABASE baseline_diagram ENCODING 'UTF8' TEMPLATE template0");
			statement.execute("CREATE DATABASE intake OWNER hikeshi ENCODING 'UTF8' TEMPLATE template0");
		}
		return server;
	}

}
