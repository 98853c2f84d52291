package org.hikeshi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.EngineRestDriver.value;
import static org.hikeshi.TestUsers.OTHER_COORDINATOR;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_CONCLUDE_NDA;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_DISPATCH_RESPONDER;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_INVESTIGATE_ON_SITE;

/**
 * An incident with an insider suspected is confidential: only managers and the assigned responder see it, in our
 * API (404 to everyone else, as if it did not exist) and in the engine (its tasks are not offered to coordinators).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConfidentialIncidentTests {

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private TaskService taskService;

	private EngineRestDriver driver;

	@BeforeEach
	void setUp() {
		TestUsers.create(this.identityService);
		// the mail of these tests stays in the outbox: no SMTP server is needed to show who sees what
		this.driver = new EngineRestDriver(as("coordinator"), as("manager"), "/engine-rest", () -> {
		});
	}

	@Test
	void shouldShowAConfidentialIncidentOnlyToManagersAndTheAssignedResponder() {
		JsonNode reported = report(true);
		long id = reported.get("id").asLong();
		String processInstanceId = reported.get("processInstanceId").asText();
		this.driver.runJobs(processInstanceId);

		// not even the coordinator who took the call sees it once it is registered
		for (String coordinator : List.of("coordinator", OTHER_COORDINATOR)) {
			assertNotFound(as(coordinator).getForEntity("/api/incidents/" + id, JsonNode.class));
			assertNotFound(as(coordinator).getForEntity("/api/incidents/" + id + "/reports", JsonNode.class));
			assertThat(ids(as(coordinator).getForObject("/api/incidents?size=200", JsonNode.class))).doesNotContain(id);
			assertThat(this.driver.as(as(coordinator)).openTasks(processInstanceId)).isEmpty();
		}
		assertThat(ids(as("manager").getForObject("/api/incidents?size=200", JsonNode.class))).contains(id);
		assertThat(this.driver.as(as("manager")).openTasks(processInstanceId)).containsExactly(TASK_CONCLUDE_NDA);
		assertThat(candidates(processInstanceId)).containsExactly("group:managers");

		EngineRestDriver manager = this.driver.as(as("manager"));
		manager.submit(processInstanceId, TASK_CONCLUDE_NDA, Map.of("ndaConcluded", true));
		// the responder must be a real coordinator or manager: the task stays open otherwise
		String dispatch = manager.taskId(processInstanceId, TASK_DISPATCH_RESPONDER);
		ResponseEntity<String> unknown = as("manager").postForEntity("/engine-rest/task/" + dispatch + "/submit-form",
				Map.of("variables", Map.of("responderName", value("誰か"), "responderUserId", value("nosuchuser"),
						"dispatchMode", value("ON_SITE"))),
				String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody()).contains("responderUserId").contains("nosuchuser");
		assertThat(manager.openTasks(processInstanceId)).containsExactly(TASK_DISPATCH_RESPONDER);

		manager.submit(processInstanceId, TASK_DISPATCH_RESPONDER,
				Map.of("responderName", "鈴木 次郎", "responderUserId", OTHER_COORDINATOR, "dispatchMode", "ON_SITE"));

		// the responder now sees the incident and works its tasks; the other coordinator still sees nothing
		assertThat(as(OTHER_COORDINATOR).getForEntity("/api/incidents/" + id, JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(ids(as(OTHER_COORDINATOR).getForObject("/api/incidents?size=200", JsonNode.class))).contains(id);
		assertThat(candidates(processInstanceId)).containsExactlyInAnyOrder("group:managers", "user:" + OTHER_COORDINATOR);
		this.driver.as(as(OTHER_COORDINATOR)).submit(processInstanceId, TASK_INVESTIGATE_ON_SITE,
				Map.of("situationSummary", "社内端末からの持ち出しを確認", "damageFound", "顧客名簿", "interimMeasures",
						"アカウント停止", "milestones", "証拠保全"));
		assertNotFound(as("coordinator").getForEntity("/api/incidents/" + id, JsonNode.class));
		assertThat(this.driver.as(as("coordinator")).openTasks(processInstanceId)).isEmpty();
		assertThat(this.driver.as(as("manager")).openTasks(processInstanceId)).isNotEmpty();
	}

	@Test
	void shouldOfferTheTasksOfAnOrdinaryIncidentToEveryCoordinator() {
		JsonNode reported = report(false);
		String processInstanceId = reported.get("processInstanceId").asText();
		this.driver.runJobs(processInstanceId);

		assertThat(candidates(processInstanceId)).containsExactlyInAnyOrder("group:coordinators", "group:managers");
		for (String coordinator : List.of("coordinator", OTHER_COORDINATOR)) {
			assertThat(as(coordinator).getForEntity("/api/incidents/" + reported.get("id").asLong(), JsonNode.class)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(this.driver.as(as(coordinator)).openTasks(processInstanceId)).containsExactly(TASK_CONCLUDE_NDA);
		}
	}

	private JsonNode report(boolean insiderSuspected) {
		ResponseEntity<JsonNode> created = as("coordinator").postForEntity("/api/incidents",
				IntakeJson.cardDataLeak(insiderSuspected), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody();
	}

	/** The candidates of the incident's open tasks, as {@code group:<id>} and {@code user:<id>}. */
	private List<String> candidates(String processInstanceId) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.flatMap(task -> this.taskService.getIdentityLinksForTask(task.getId()).stream())
			.map(ConfidentialIncidentTests::candidate)
			.distinct()
			.toList();
	}

	private static String candidate(IdentityLink link) {
		return link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId();
	}

	private static List<Long> ids(JsonNode incidents) {
		return java.util.stream.StreamSupport.stream(incidents.spliterator(), false)
			.map(i -> i.get("id").asLong())
			.toList();
	}

	private static void assertNotFound(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get("title").asText()).isEqualTo("Incident not found");
	}

	private TestRestTemplate as(String user) {
		return TestUsers.as(this.anonymous, user);
	}

}
