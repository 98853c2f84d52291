package org.hikeshi.manager;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use the managers' tools, over HTTP as a browser sends it: a session login, managers only, CSRF on
 * every change, problem details for bad input; and what the JSON endpoints answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ManagerAccessTests {

	private static final String SCRIPT_TASK = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_T" targetNamespace="http://hikeshi.org/test">
			  <bpmn:process id="access-test" isExecutable="true" camunda:historyTimeToLive="30">
			    <bpmn:startEvent id="Start" />
			    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Script" />
			    <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
			    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="End" />
			    <bpmn:endEvent id="End" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ObjectMapper json;

	@AfterEach
	void removeSeeds() {
		new ManagerFixtures(this.jdbc).delete();
	}

	@Test
	void shouldSendAnonymousUsersToTheLoginAndAnswerTheirJsonWith401() throws Exception {
		ManagerSession anonymous = new ManagerSession(this.port);
		for (String page : new String[] { "/modeler", "/dashboard" }) {
			HttpResponse<String> answer = anonymous.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).get().asString().endsWith("/manager/login");
		}
		HttpResponse<String> api = anonymous.get("/dashboard/api/summary");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(api.body()).get("detail").asText()).contains("/manager/login");
		assertThat(anonymous.get("/manager/login").headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("script-src 'self';");
	}

	@Test
	void shouldRefuseCoordinators() {
		ManagerSession coordinator = new ManagerSession(this.port);
		coordinator.logIn("coordinator", "coordinator");
		HttpResponse<String> page = coordinator.get("/modeler");
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("このページは管理者用です");
		assertThat(coordinator.get("/dashboard").statusCode()).isEqualTo(403);
		assertThat(coordinator.get("/modeler/api/definitions").statusCode()).isEqualTo(403);
		assertThat(coordinator.get("/dashboard/api/incidents.csv").statusCode()).isEqualTo(403);
	}

	/** A user nobody has created: a wrong password of a real one would make the engine delay its next logins. */
	@Test
	void shouldRefuseAnUnknownUser() {
		HttpResponse<String> answer = new ManagerSession(this.port).logIn("intruder", "manager");
		assertThat(answer.headers().firstValue("Location")).get().asString().endsWith("/manager/login?error");
	}

	@Test
	void shouldValidateAnEditWithTheServersCheckAndNeedTheCsrfToken() throws Exception {
		ManagerSession manager = new ManagerSession(this.port);
		manager.logIn("manager", "manager");
		String edit = this.json.writeValueAsString(java.util.Map.of("resourceName", "access-test.bpmn", "content", SCRIPT_TASK));

		assertThat(manager.post("/modeler/api/validate", edit, false).statusCode()).as("no CSRF token").isEqualTo(403);

		HttpResponse<String> answer = manager.post("/modeler/api/validate", edit);
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode problem = this.json.readTree(answer.body()).get("problems").get(0);
		assertThat(problem.get("elementId").asText()).isEqualTo("Task_Script");
		assertThat(problem.get("message").asText()).startsWith("script task (groovy)");

		HttpResponse<String> refused = manager.post("/modeler/api/deployments", this.json.writeValueAsString(
				java.util.Map.of("resourceName", "access-test.bpmn", "content", SCRIPT_TASK, "note", "test")));
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode body = this.json.readTree(refused.body());
		assertThat(body.get("problems").get(0).get("elementId").asText()).isEqualTo("Task_Script");

		HttpResponse<String> noNote = manager.post("/modeler/api/deployments", this.json.writeValueAsString(
				java.util.Map.of("resourceName", "access-test.bpmn", "content", SCRIPT_TASK)));
		assertThat(noNote.statusCode()).isEqualTo(400);
		assertThat(noNote.body()).contains("\"field\":\"note\"");

		HttpResponse<String> notAModel = manager.post("/modeler/api/validate",
				this.json.writeValueAsString(java.util.Map.of("resourceName", "run.sh", "content", "rm -rf /")));
		assertThat(notAModel.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldListTheDeployedDefinitionsWithTheirVersions() throws Exception {
		ManagerSession manager = new ManagerSession(this.port);
		manager.logIn("manager", "manager");
		JsonNode definitions = this.json.readTree(manager.get("/modeler/api/definitions").body());
		assertThat(definitions.findValuesAsText("key")).contains("incident-response", "pricing-proposal");
		assertThat(definitions.findValuesAsText("kind")).contains("BPMN", "DMN", "FORM");
		JsonNode process = null;
		for (JsonNode definition : definitions) {
			if ("incident-response".equals(definition.get("key").asText())) {
				process = definition;
			}
		}
		assertThat(process).isNotNull();
		assertThat(process.get("kind").asText()).isEqualTo("BPMN");
		String deploymentId = process.at("/versions/0/deploymentId").asText();
		String resource = process.at("/versions/0/resourceName").asText();
		HttpResponse<String> xml = manager.get("/modeler/api/resource?deploymentId=" + deploymentId + "&name="
				+ java.net.URLEncoder.encode(resource, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.json.readTree(xml.body()).get("content").asText()).contains("Task_ConcludeNda");
		assertThat(manager.get("/modeler/api/resource?deploymentId=nope&name=x.bpmn").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldExportThePeriodAsCsvAndRefuseABackwardPeriod() {
		new ManagerFixtures(this.jdbc).october();
		ManagerSession manager = new ManagerSession(this.port);
		manager.logIn("manager", "manager");

		HttpResponse<String> csv = manager.get("/dashboard/api/incidents.csv?from=2026-10-01&to=2026-10-31");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition")).get().asString()
			.contains("hikeshi-incidents-2026-10-01_2026-10-31.csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).startsWith("\uFEFFreference,organization,status");
		assertThat(lines).hasSize(1 + 7);
		assertThat(lines[1]).startsWith("IR-2026-9001,株式会社A,CLOSED,CLOSED,2026-10-05 09:00,2026-10-06 09:00,2026-10-05 14:00,MET,5.0,,480.0");
		assertThat(csv.body()).contains("IR-2026-9004,\"'=HYPERLINK(\"\"x\"\")\",OPEN,INTAKE").doesNotContain("IR-2026-9008");

		HttpResponse<String> backwards = manager.get("/dashboard/api/summary?from=2026-10-31&to=2026-10-01");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat(manager.get("/dashboard/api/summary?from=yesterday").statusCode()).isEqualTo(400);
	}

}
