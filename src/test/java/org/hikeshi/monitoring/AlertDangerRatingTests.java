package org.hikeshi.monitoring;

import java.io.InputStream;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The DMN table alert-danger, deployed to an engine and evaluated as the alert API does. */
class AlertDangerRatingTests {

	private static ProcessEngine engine;

	private static AlertDangerRating rating;

	@BeforeAll
	static void deploy() throws Exception {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:alert-dmn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
			.setJobExecutorActivate(false)
			.setProcessEngineName("alert-dmn-" + UUID.randomUUID());
		configuration.setEnforceHistoryTimeToLive(true);
		engine = configuration.buildProcessEngine();
		try (InputStream dmn = AlertDangerRatingTests.class.getClassLoader().getResourceAsStream("alert-danger.dmn")) {
			engine.getRepositoryService().createDeployment().addInputStream("alert-danger.dmn", dmn).deploy();
		}
		rating = new AlertDangerRating(engine.getDecisionService());
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@ParameterizedTest(name = "{0} severity {1} is {2}")
	@CsvSource({ "COMMAND_AND_CONTROL, 4, CRITICAL", "EXFILTRATION, 10, CRITICAL", "COMMAND_AND_CONTROL, 3, HIGH",
			"EXFILTRATION, 1, HIGH", "MALWARE, 8, CRITICAL", "INTRUSION, 7, HIGH", "WEB_ATTACK, 9, CRITICAL",
			"WEB_ATTACK, 5, HIGH", "WEB_ATTACK, 4, MEDIUM", "BRUTE_FORCE, 7, HIGH", "BRUTE_FORCE, 6, MEDIUM",
			"DENIAL_OF_SERVICE, 2, MEDIUM", "RECONNAISSANCE, 10, MEDIUM", "RECONNAISSANCE, 5, LOW",
			"POLICY_VIOLATION, 9, MEDIUM", "POLICY_VIOLATION, 3, LOW", "OTHER, 9, CRITICAL", "OTHER, 6, MEDIUM",
			"OTHER, 1, LOW" })
	void ratesFromSeverityAndSignatureClass(SignatureClass signatureClass, int severity, Danger expected) {
		assertThat(rating.rate(signatureClass, severity)).isEqualTo(expected);
	}

}
