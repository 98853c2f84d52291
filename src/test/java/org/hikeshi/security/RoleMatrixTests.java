package org.hikeshi.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.hikeshi.TestDeployments;
import org.hikeshi.IntakeJson;
import org.hikeshi.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.TestUsers.OTHER_COORDINATOR;
import static org.hikeshi.TestUsers.OUTSIDER;

/**
 * The role matrix, endpoint group by endpoint group, through the real filter chains and Camunda authorization:
 * anonymous callers get 401, a user of the wrong role 403 (or, in the engine, nothing to see), the right role 2xx.
 * Errors of our API are problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoleMatrixTests {

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private ManagementService managementService;

	@BeforeEach
	void users() {
		TestUsers.create(this.identityService);
	}

	@Test
	void shouldLetOnlyCoordinatorsAndManagersReportAndReadIncidents() {
		assertProblem(this.anonymous.postForEntity("/api/incidents", IntakeJson.cardDataLeak(false), JsonNode.class),
				HttpStatus.UNAUTHORIZED);
		assertProblem(as(OUTSIDER).postForEntity("/api/incidents", IntakeJson.cardDataLeak(false), JsonNode.class),
				HttpStatus.FORBIDDEN);
		assertProblem(as("admin").postForEntity("/api/incidents", IntakeJson.cardDataLeak(false), JsonNode.class),
				HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> created = as("coordinator").postForEntity("/api/incidents",
				IntakeJson.cardDataLeak(false), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long id = created.getBody().get("id").asLong();

		for (String path : new String[] { "/api/incidents", "/api/incidents/" + id, "/api/incidents/" + id + "/reports",
				"/api/pricing/catalog", "/api/pricing/packages" }) {
			assertProblem(this.anonymous.getForEntity(path, JsonNode.class), HttpStatus.UNAUTHORIZED);
			assertProblem(as(OUTSIDER).getForEntity(path, JsonNode.class), HttpStatus.FORBIDDEN);
			assertThat(as("coordinator").getForEntity(path, JsonNode.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.OK);
			assertThat(as("manager").getForEntity(path, JsonNode.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void shouldKeepManagersToolsForManagers() {
		for (String path : new String[] { "/api/notifications/outbox", "/api/audit" }) {
			assertProblem(this.anonymous.getForEntity(path, JsonNode.class), HttpStatus.UNAUTHORIZED);
			ResponseEntity<JsonNode> refused = as("coordinator").getForEntity(path, JsonNode.class);
			assertProblem(refused, HttpStatus.FORBIDDEN);
			assertThat(refused.getBody().get("detail").asText()).contains("Only members of managers");
			assertThat(as("manager").getForEntity(path, JsonNode.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.OK);
		}
		String catalog = "{\"note\":\"matrix\",\"items\":[]}";
		assertProblem(exchange(as("coordinator"), HttpMethod.POST, "/api/pricing/catalog/versions", catalog),
				HttpStatus.FORBIDDEN);
		// a manager passes the role check: what is left is the catalog's own validation
		assertProblem(exchange(as("manager"), HttpMethod.POST, "/api/pricing/catalog/versions", catalog),
				HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldLetSensorsPostAlertsAndNothingElse() {
		long id = as("coordinator").postForEntity("/api/incidents", IntakeJson.cardDataLeak(true), JsonNode.class)
			.getBody()
			.get("id")
			.asLong();
		String alert = "{\"source\":\"Suricata\",\"signature\":\"ET SCAN\",\"signatureClass\":\"RECONNAISSANCE\","
				+ "\"severity\":3,\"occurredAt\":\"2026-12-01T10:00:00+09:00\"}";
		assertProblem(exchange(this.anonymous, HttpMethod.POST, "/api/incidents/" + id + "/alerts", alert),
				HttpStatus.UNAUTHORIZED);
		assertProblem(exchange(as("coordinator"), HttpMethod.POST, "/api/incidents/" + id + "/alerts", alert),
				HttpStatus.FORBIDDEN);
		// the sensor passes the role rules, even for a confidential incident; the incident is not monitored yet
		assertProblem(exchange(as("sensor"), HttpMethod.POST, "/api/incidents/" + id + "/alerts", alert),
				HttpStatus.CONFLICT);
		for (String path : new String[] { "/api/incidents", "/api/incidents/" + id, "/api/incidents/" + id + "/alerts" }) {
			assertProblem(as("sensor").getForEntity(path, JsonNode.class), HttpStatus.FORBIDDEN);
		}
		assertThat(as("sensor").getForObject("/engine-rest/task/count", JsonNode.class).get("count").asLong()).isZero();
	}

	@Test
	void shouldLetManagersButNotCoordinatorsDeployThroughTheEngineRestApi() {
		assertThat(deploy(this.anonymous).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<JsonNode> coordinator = deploy(as("coordinator"));
		assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(coordinator.getBody().get("type").asText()).isEqualTo("AuthorizationException");
		assertThat(deploy(as("manager")).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldShowCoordinatorsNoProcessInstancesOrHistoryAndManagersAll() {
		String processInstanceId = as("coordinator")
			.postForEntity("/api/incidents", IntakeJson.cardDataLeak(false), JsonNode.class)
			.getBody()
			.get("processInstanceId")
			.asText();
		// the receipt mail is queued behind an asynchronous step; then the NDA task is open
		this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.list()
			.forEach(job -> this.managementService.executeJob(job.getId()));
		assertThat(this.anonymous.getForEntity("/engine-rest/process-instance?maxResults=10", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(as("coordinator").getForObject("/engine-rest/process-instance/count", JsonNode.class)
			.get("count")
			.asLong()).isZero();
		assertThat(as("coordinator").getForObject("/engine-rest/history/process-instance/count", JsonNode.class)
			.get("count")
			.asLong()).isZero();
		assertThat(as("manager").getForObject("/engine-rest/process-instance/count", JsonNode.class)
			.get("count")
			.asLong()).isPositive();
		// the coordinators see the tasks of the (not confidential) incidents
		assertThat(as("coordinator").getForObject("/engine-rest/task/count?processInstanceId=" + processInstanceId,
				JsonNode.class)
			.get("count")
			.asLong()).isOne();
		assertThat(as(OUTSIDER).getForObject("/engine-rest/task/count", JsonNode.class).get("count").asLong())
			.isZero();
		assertThat(as("admin").getForObject("/engine-rest/task/count", JsonNode.class).get("count").asLong())
			.as("admins manage users, not incidents")
			.isZero();
	}

	@Test
	void shouldLetOnlyAdminsManageUsers() {
		String newUser = "{\"profile\":{\"id\":\"madeby%s\",\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@hikeshi.example\"},"
				+ "\"credentials\":{\"password\":\"Another-password-9\"}}";
		assertThat(exchange(as("manager"), HttpMethod.POST, "/engine-rest/user/create", newUser.formatted("manager"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange(as("coordinator"), HttpMethod.POST, "/engine-rest/user/create",
				newUser.formatted("coordinator"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> byAdmin = exchange(as("admin"), HttpMethod.POST, "/engine-rest/user/create",
				newUser.formatted("admin"));
		assertThat(byAdmin.getStatusCode()).as("%s", byAdmin.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.identityService.createUserQuery().userId("madebyadmin").count()).isOne();
		assertThat(this.identityService.createUserQuery().userIdIn("madebymanager", "madebycoordinator").count())
			.isZero();
	}

	@Test
	void shouldKeepTheWebappsBehindTheirLoginAndTheStatusPageAndHealthPublic() {
		// the webapps' own REST API needs their session
		assertThat(this.anonymous.getForEntity("/camunda/api/engine/engine/default/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.anonymous.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		// a status link without a valid token: the page says so, no login is asked
		assertThat(this.anonymous.getForEntity("/status/" + "x".repeat(43), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.anonymous.getForEntity("/actuator/health", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertProblem(this.anonymous.getForEntity("/actuator/info", JsonNode.class), HttpStatus.UNAUTHORIZED);
		assertProblem(this.anonymous.getForEntity("/v3/api-docs", JsonNode.class), HttpStatus.UNAUTHORIZED);
		assertThat(as("coordinator").getForEntity("/v3/api-docs", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldAskForBasicCredentialsWithA401() {
		// a user that does not exist: a wrong password of a real user would lock that user out for a while (the
		// engine's login throttling), and the other tests of this application share the users
		ResponseEntity<JsonNode> refused = this.anonymous.withBasicAuth("nosuchuser", "wrong")
			.getForEntity("/api/incidents", JsonNode.class);
		assertProblem(refused, HttpStatus.UNAUTHORIZED);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=\"Hikeshi\"");
		assertThat(as(OTHER_COORDINATOR).getForEntity("/api/incidents", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	private TestRestTemplate as(String user) {
		return TestUsers.as(this.anonymous, user);
	}

	private static ResponseEntity<JsonNode> exchange(TestRestTemplate rest, HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
	}

	private static ResponseEntity<JsonNode> deploy(TestRestTemplate rest) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.postForEntity("/engine-rest/deployment/create",
				new HttpEntity<>(TestDeployments.deployment("role-matrix"), headers), JsonNode.class);
	}

	static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as("content type %s", response.getHeaders().getContentType())
			.isTrue();
		assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
		assertThat(response.getBody().get("title").asText()).isNotBlank();
		assertThat(response.getBody().get("detail").asText()).isNotBlank();
	}

}
