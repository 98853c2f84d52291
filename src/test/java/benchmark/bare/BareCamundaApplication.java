package benchmark.bare;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * A bare Camunda 7 Spring Boot app, as Camunda's getting-started guide builds it (starter webapp and rest, an H2
 * file database, an admin user, one process, history level full), that the start-up benchmark
 * ({@code org.hikeshi.bench.StartupBenchmark}, docs/performance.md) starts beside Hikeshi.
 * <p>
 * It runs on Hikeshi's classpath (the same jars, the same versions) and is kept apart from Hikeshi in three ways:
 * its package is outside {@code org.hikeshi}, so neither app component-scans the other (Hikeshi scans
 * {@code org.hikeshi}, this app its own package, where nothing else lives); it reads {@code bench/bare.yml} instead
 * of Hikeshi's {@code application.yml}; and it leaves out the auto-configurations that are active only because of
 * the jars Hikeshi adds to Camunda's starters ({@link #EXCLUDED}).
 */
@SpringBootApplication
public class BareCamundaApplication {

	/**
	 * Auto-configurations, by package, that a bare Camunda app does not have: they come with Hikeshi's dependencies
	 * (actuator, Spring Security, Flyway, mail, Thymeleaf, springdoc; Gson with the test libraries), not with
	 * Camunda's starters. Checked against the condition report ({@code --debug}) of this app.
	 */
	static final List<String> EXCLUDED = List.of("org.springframework.boot.actuate.autoconfigure.",
			"org.springframework.boot.autoconfigure.security.", "org.springframework.boot.autoconfigure.flyway.",
			"org.springframework.boot.autoconfigure.mail.", "org.springframework.boot.autoconfigure.thymeleaf.",
			"org.springframework.boot.autoconfigure.gson.", "org.springdoc.");

	public static void main(String[] args) {
		SpringApplication.run(BareCamundaApplication.class, arguments(args));
	}

	/** The command line of the bare app: its own configuration file and exclusions, then {@code args}. */
	public static String[] arguments(String... args) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.config.location=classpath:/bench/bare.yml");
		arguments.add("--spring.autoconfigure.exclude=" + String.join(",", excludedAutoConfigurations()));
		arguments.addAll(List.of(args));
		return arguments.toArray(String[]::new);
	}

	/** The auto-configurations on the classpath whose package is one of {@link #EXCLUDED}. */
	static List<String> excludedAutoConfigurations() {
		List<String> names = new ArrayList<>();
		for (String candidate : ImportCandidates.load(AutoConfiguration.class,
				BareCamundaApplication.class.getClassLoader())) {
			if (EXCLUDED.stream().anyMatch(candidate::startsWith)) {
				names.add(candidate);
			}
		}
		return names;
	}

}
