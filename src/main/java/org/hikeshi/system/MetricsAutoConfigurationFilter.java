package org.hikeshi.system;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Spring Boot Actuator's Micrometer metrics, observation and tracing auto-configurations unless
 * {@value #PROPERTY} is {@code true}. Hikeshi exposes only the {@code health} and {@code info} endpoints and ships no
 * metrics registry (no Prometheus, no JMX): what these configurations set up (a meter registry, binders for the JVM,
 * Tomcat, the connection pool and the executors, an observation around every HTTP request) was collected and never
 * read, and it cost 0.6 to 1.5 s of every start (docs/performance.md, "Start-up and memory"). An operator who scrapes
 * metrics sets the property, adds a registry (for example {@code micrometer-registry-prometheus}) and exposes its
 * endpoint; docs/operations.md.
 * <p>
 * Registered in {@code META-INF/spring.factories}: Spring Boot asks it before it reads an auto-configuration class.
 */
public class MetricsAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	/** {@code true} collects Micrometer metrics, observations and traces as Spring Boot does by default. */
	public static final String PROPERTY = "hikeshi.metrics.enabled";

	private static final List<String> PACKAGES = List.of("org.springframework.boot.actuate.autoconfigure.metrics.",
			"org.springframework.boot.actuate.autoconfigure.observation.",
			"org.springframework.boot.actuate.autoconfigure.tracing.");

	private boolean metrics;

	@Override
	public void setEnvironment(Environment environment) {
		this.metrics = environment.getProperty(PROPERTY, Boolean.class, false);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] match = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String name = autoConfigurationClasses[i];
			match[i] = this.metrics || name == null || PACKAGES.stream().noneMatch(name::startsWith);
		}
		return match;
	}

}
