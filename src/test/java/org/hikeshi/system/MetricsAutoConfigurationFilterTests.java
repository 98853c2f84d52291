package org.hikeshi.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer's auto-configurations are left out unless {@code hikeshi.metrics.enabled=true}; the health endpoint,
 * which load balancers ask, stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MetricsAutoConfigurationFilterTests {

	private static final String METRICS = "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration";

	private static final String TOMCAT_METRICS = "org.springframework.boot.actuate.autoconfigure.metrics.web.tomcat.TomcatMetricsAutoConfiguration";

	private static final String OBSERVATION = "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration";

	private static final String TRACING = "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration";

	private static final String HEALTH = "org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration";

	private static final String DATA_SOURCE = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TestRestTemplate anonymous;

	@Test
	void shouldLeaveOutMetricsObservationAndTracingByDefault() {
		boolean[] match = filter(new MockEnvironment())
			.match(new String[] { METRICS, TOMCAT_METRICS, OBSERVATION, TRACING, HEALTH, DATA_SOURCE, null }, null);

		assertThat(match).containsExactly(false, false, false, false, true, true, true);
	}

	@Test
	void shouldKeepEverythingWhenMetricsAreEnabled() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(MetricsAutoConfigurationFilter.PROPERTY, "true");

		assertThat(filter(environment).match(new String[] { METRICS, OBSERVATION, TRACING, HEALTH }, null))
			.containsExactly(true, true, true, true);
	}

	@Test
	void shouldStartWithoutAMeterRegistryAndStillAnswerHealthChecks() {
		assertThat(this.context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();

		ResponseEntity<String> readiness = this.anonymous.getForEntity("/actuator/health/readiness", String.class);
		assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(readiness.getBody()).contains("\"UP\"");
		assertThat(this.anonymous.withBasicAuth("manager", "manager")
			.getForEntity("/actuator/metrics", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private static MetricsAutoConfigurationFilter filter(MockEnvironment environment) {
		MetricsAutoConfigurationFilter filter = new MetricsAutoConfigurationFilter();
		filter.setEnvironment(environment);
		return filter;
	}

}
