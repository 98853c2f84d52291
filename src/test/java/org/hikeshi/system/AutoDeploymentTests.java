package org.hikeshi.system;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.hikeshi.TestDeployments;
import org.hikeshi.incident.IncidentProcess;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment the engine makes at start holds every file of {@code processes/} and {@code forms/}, each under its
 * own name (not the absolute path of the folder the build ran in), and nothing else of the class path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AutoDeploymentTests {

	@Autowired
	private RepositoryService repository;

	@Test
	void shouldDeployProcessesAndFormsUnderTheirFileNames() {
		// the first deployment of the database: the engine's own at its first start, before any test ran
		Deployment first = this.repository.createDeploymentQuery().orderByDeploymentTime().asc().listPage(0, 1).get(0);
		ProcessDefinition incidentResponse = this.repository.createProcessDefinitionQuery()
			.deploymentId(first.getId())
			.processDefinitionKey(IncidentProcess.PROCESS_KEY)
			.singleResult();

		assertThat(incidentResponse.getResourceName()).isEqualTo(IncidentProcess.RESOURCE);
		assertThat(this.repository.getDeploymentResourceNames(first.getId()))
			.containsExactlyInAnyOrderElementsOf(TestDeployments.sourceFiles());
	}

}
