package org.hikeshi.audit;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.hikeshi.TestDeployments;
import org.hikeshi.IntakeJson;
import org.hikeshi.TestUsers;
import org.hikeshi.incident.IncidentProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who did what and when: a claim, a completion and a reassignment made through the engine's REST API (the doors
 * Tasklist and Cockpit use) and the changes made through our API appear in the managers' audit trail, with the user,
 * the incident and what changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailTests {

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private TaskService taskService;

	@BeforeEach
	void users() {
		TestUsers.create(this.identityService);
	}

	@Test
	void shouldShowClaimsCompletionsReassignmentsAndApiChangesOfAnIncident() {
		ResponseEntity<JsonNode> created = as("coordinator").postForEntity("/api/incidents", IntakeJson.cardDataLeak(false),
				JsonNode.class);
		long id = created.getBody().get("id").asLong();
		String processInstanceId = created.getBody().get("processInstanceId").asText();
		runJobs(processInstanceId);
		String nda = taskId(processInstanceId, IncidentProcess.Elements.TASK_CONCLUDE_NDA);

		assertThat(as("coordinator").postForEntity("/engine-rest/task/" + nda + "/claim",
				Map.of("userId", "coordinator"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(as("manager").postForEntity("/engine-rest/task/" + nda + "/assignee",
				Map.of("userId", TestUsers.OTHER_COORDINATOR), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(as(TestUsers.OTHER_COORDINATOR).postForEntity("/engine-rest/task/" + nda + "/submit-form",
				Map.of("variables", Map.of("ndaConcluded", Map.of("value", true))), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(as("manager").postForEntity("/api/incidents/" + id + "/reports?type=INITIAL", null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		JsonNode trail = as("manager").getForObject("/api/audit?incidentId=" + id, JsonNode.class);

		assertThat(entries(trail, "ENGINE", "Claim")).singleElement().satisfies(claim -> {
			assertThat(claim.get("userId").asText()).isEqualTo("coordinator");
			assertThat(claim.get("target").asText()).isEqualTo("Task " + nda);
			assertThat(claim.get("detail").asText()).contains("assignee: coordinator");
		});
		assertThat(entries(trail, "ENGINE", "Assign")).singleElement().satisfies(assign -> {
			assertThat(assign.get("userId").asText()).isEqualTo("manager");
			assertThat(assign.get("detail").asText()).contains("assignee: coordinator → " + TestUsers.OTHER_COORDINATOR);
		});
		assertThat(entries(trail, "ENGINE", "Complete")).singleElement()
			.satisfies(complete -> assertThat(complete.get("userId").asText()).isEqualTo(TestUsers.OTHER_COORDINATOR));
		assertThat(entries(trail, "API", "Incident.report")).singleElement().satisfies(report -> {
			assertThat(report.get("userId").asText()).isEqualTo("coordinator");
			assertThat(report.get("target").asText()).isEqualTo("POST /api/incidents");
			assertThat(report.get("detail").asText()).isEqualTo("HTTP 201");
		});
		assertThat(entries(trail, "API", "Report.regenerate")).singleElement()
			.satisfies(regenerate -> assertThat(regenerate.get("userId").asText()).isEqualTo("manager"));
		// every entry of the answer is of this incident, newest first
		List<JsonNode> all = entries(trail, null, null);
		assertThat(all).allSatisfy(e -> assertThat(e.get("incidentId").asLong()).isEqualTo(id));
		assertThat(all).extracting(e -> java.time.Instant.parse(e.get("at").asText()))
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		// reads are not changes: the audit request itself is not recorded
		assertThat(entries(as("manager").getForObject("/api/audit?user=manager", JsonNode.class), "API", null))
			.noneMatch(e -> e.get("target").asText().startsWith("GET"));
	}

	@Test
	void shouldShowWhoDeployedWhat() {
		ResponseEntity<String> deployed = as("manager").exchange("/engine-rest/deployment/create", HttpMethod.POST,
				new HttpEntity<>(TestDeployments.deployment("audited")), String.class);
		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);

		JsonNode trail = as("manager").getForObject("/api/audit?user=manager&limit=500", JsonNode.class);

		assertThat(entries(trail, "ENGINE", "Create")).anySatisfy(create -> {
			assertThat(create.get("target").asText()).startsWith("Deployment ");
			assertThat(create.get("userId").asText()).isEqualTo("manager");
		});
	}

	private List<JsonNode> entries(JsonNode trail, String source, String action) {
		List<JsonNode> entries = new java.util.ArrayList<>();
		trail.forEach(e -> {
			if ((source == null || source.equals(e.get("source").asText()))
					&& (action == null || action.equals(e.get("action").asText()))) {
				entries.add(e);
			}
		});
		return entries;
	}

	private void runJobs(String processInstanceId) {
		this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.list()
			.forEach(job -> this.managementService.executeJob(job.getId()));
	}

	private String taskId(String processInstanceId, String key) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
	}

	private TestRestTemplate as(String user) {
		return TestUsers.as(this.anonymous, user);
	}

}
