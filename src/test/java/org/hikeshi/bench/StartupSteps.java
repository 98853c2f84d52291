package org.hikeshi.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

import benchmark.bare.BareCamundaApplication;
import org.hikeshi.HikeshiApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * A diagnostic for the start-up benchmark (docs/performance.md, "Start-up and memory"): starts Hikeshi or the bare
 * Camunda app once in this JVM with Spring's {@link BufferingApplicationStartup}, prints the start-up steps that took
 * longest by their own time (a step's duration minus its children's: bean instantiations, post-processing, the
 * {@code ApplicationReadyEvent} listeners, ...), and exits. Run it from the project directory in a scratch working
 * directory (Hikeshi's H2 file goes under {@code ./data}):
 * {@code java -cp <test class path> org.hikeshi.bench.StartupSteps hikeshi|bare [top] [--spring.args...]}.
 */
public final class StartupSteps {

	private StartupSteps() {
	}

	public static void main(String[] args) {
		boolean bare = "bare".equals(args[0]);
		int top = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 30;
		String[] rest = Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")).toArray(String[]::new);
		SpringApplication application = new SpringApplication(bare ? BareCamundaApplication.class : HikeshiApplication.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		application.setApplicationStartup(startup);
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run(bare ? BareCamundaApplication.arguments(rest) : rest)) {
			System.out.printf(Locale.ROOT, "%n%s ready in %.2f s in this JVM%n", bare ? "bare" : "Hikeshi",
					(System.nanoTime() - start) / 1e9);
			print(startup.getBufferedTimeline().getEvents(), top);
		}
	}

	private static void print(List<TimelineEvent> events, int top) {
		Map<Long, Double> childMillis = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childMillis.merge(parent, event.getDuration().toNanos() / 1e6, Double::sum);
			}
		}
		record Row(String step, double self, double total) {
		}
		List<Row> rows = new ArrayList<>();
		for (TimelineEvent event : events) {
			StartupStep step = event.getStartupStep();
			double total = event.getDuration().toNanos() / 1e6;
			String tags = String.join(" ", StreamSupport.stream(step.getTags().spliterator(), false)
				.map(tag -> tag.getKey() + "=" + tag.getValue())
				.toList());
			rows.add(new Row(step.getName() + " " + tags, total - childMillis.getOrDefault(step.getId(), 0.0), total));
		}
		rows.sort(Comparator.comparingDouble(Row::self).reversed());
		System.out.printf(Locale.ROOT, "%n%d steps; the %d longest by own time (ms own / ms total):%n", rows.size(), top);
		rows.stream()
			.limit(top)
			.forEach(row -> System.out.printf(Locale.ROOT, "%8.0f %8.0f  %s%n", row.self(), row.total(),
					row.step().length() > 160 ? row.step().substring(0, 160) : row.step()));
	}

}
