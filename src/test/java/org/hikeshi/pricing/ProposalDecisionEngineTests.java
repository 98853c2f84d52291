package org.hikeshi.pricing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.incident.DataCategory.NONE;
import static org.hikeshi.incident.IncidentType.RANSOMWARE;
import static org.hikeshi.incident.ResponsePolicy.RECOVERY_FIRST;

/**
 * The decision as the application uses it: deployed to a process engine that enforces a history time to live,
 * evaluated through the engine's DecisionService by key, the newest deployed version winning.
 */
class ProposalDecisionEngineTests {

	private ProcessEngine engine;

	@BeforeEach
	void startEngine() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:pricing-dmn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
			.setJobExecutorActivate(false)
			.setProcessEngineName("pricing-dmn-" + UUID.randomUUID());
		configuration.setEnforceHistoryTimeToLive(true);
		this.engine = configuration.buildProcessEngine();
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
	}

	@Test
	void deployedDecisionIsEvaluatedByKey() throws IOException {
		deploy(resource());
		ProposalDecision decision = new ProposalDecision(this.engine.getDecisionService());

		var proposals = decision.propose(PricingFixtures.incident(1, Set.of(RANSOMWARE), Set.of(NONE), false),
				new ProposalRequest(RECOVERY_FIRST, false, false, 0));

		assertThat(proposals).containsExactly(new ProposalDecision.Proposal("RANSOMWARE_RECOVERY", null, 1, false));
		assertThat(this.engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(ProposalDecision.DECISION_KEY)
			.singleResult()
			.getHistoryTimeToLive()).isEqualTo(1825);
	}

	@Test
	void aNewlyDeployedVersionChangesTheProposalWithoutARebuild() throws IOException {
		deploy(resource());
		String changed = resource().replace("<text>\"RANSOMWARE_RECOVERY\"</text>",
				"<text>\"RANSOMWARE_INVESTIGATION_RECOVERY\"</text>");
		deploy(changed);
		ProposalDecision decision = new ProposalDecision(this.engine.getDecisionService());

		var proposals = decision.propose(PricingFixtures.incident(1, Set.of(RANSOMWARE), Set.of(NONE), false),
				new ProposalRequest(RECOVERY_FIRST, false, false, 0));

		assertThat(proposals)
			.containsExactly(new ProposalDecision.Proposal("RANSOMWARE_INVESTIGATION_RECOVERY", null, 1, false));
	}

	private void deploy(String dmn) {
		this.engine.getRepositoryService()
			.createDeployment()
			.addInputStream(ProposalDecision.RESOURCE, new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
			.deploy();
	}

	private static String resource() throws IOException {
		try (InputStream in = ProposalDecisionEngineTests.class.getClassLoader()
			.getResourceAsStream(ProposalDecision.RESOURCE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
