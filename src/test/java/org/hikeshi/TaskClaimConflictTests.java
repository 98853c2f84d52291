package org.hikeshi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_CONCLUDE_NDA;

/**
 * Claiming a task through {@code /engine-rest} that someone else has: {@code 409} with problem details naming who
 * has it, instead of Camunda's generic {@code 500}; and when many claim it at the same moment, exactly one wins and
 * every other gets a {@code 409}, whichever way the engine noticed the conflict. The mappers reach this API through
 * {@code EngineRestMappers}, as they reach the webapps' API that Tasklist calls; that path is tested on the packaged
 * application by {@code TasklistClaimIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskClaimConflictTests {

	@Autowired
	private TestRestTemplate anonymous;

	@Test
	void shouldAnswerAClaimOfAClaimedTaskWithConflict() {
		String taskId = newNdaTask();

		assertThat(claim(coordinator(), taskId, "coordinator").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		// the same user again: nothing changes, no conflict (Camunda's rule)
		assertThat(claim(coordinator(), taskId, "coordinator").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<JsonNode> second = claim(manager(), taskId, "manager");
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(second.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(second.getBody().get("status").asInt()).isEqualTo(409);
		assertThat(second.getBody().get("title").asText()).isEqualTo("Task already claimed");
		assertThat(second.getBody().get("detail").asText()).isEqualTo(
				"Task " + taskId + " is already claimed by coordinator. Ask them to unclaim it, or pick another task.");
		assertThat(second.getBody().get("message").asText()).isEqualTo(second.getBody().get("detail").asText());
		assertThat(second.getBody().get("instance").asText()).isEqualTo("/engine-rest/task/" + taskId + "/claim");
		assertThat(assignee(taskId)).isEqualTo("coordinator");

		// once a manager takes it back from the coordinator, the manager may have it
		assertThat(manager().postForEntity("/engine-rest/task/{id}/unclaim", null, String.class, taskId)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(claim(manager(), taskId, "manager").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(assignee(taskId)).isEqualTo("manager");
	}

	@Test
	void shouldLetExactlyOneOfManySimultaneousClaimsWin() throws Exception {
		String taskId = newNdaTask();
		int claimants = 6;
		List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
		for (int i = 0; i < claimants; i++) {
			String user = "responder-" + i;
			calls.add(() -> claim(coordinator(), taskId, user));
		}
		List<ResponseEntity<JsonNode>> answers = Concurrently.run(calls);

		assertThat(answers).extracting(ResponseEntity::getStatusCode)
			.containsOnly(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT)
			.filteredOn(HttpStatus.NO_CONTENT::equals)
			.hasSize(1);
		assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT)
			.hasSize(claimants - 1)
			.allSatisfy(a -> assertThat(a.getBody().get("title").asText()).isEqualTo("Task already claimed"));
		assertThat(assignee(taskId)).startsWith("responder-");
	}

	private String newNdaTask() {
		ResponseEntity<JsonNode> created = coordinator().postForEntity("/api/incidents",
				IntakeJson.cardDataLeak(OffsetDateTime.now(ZoneOffset.ofHours(9))), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String processInstanceId = created.getBody().get("processInstanceId").asText();
		EngineRestDriver driver = new EngineRestDriver(coordinator(), manager(), "/engine-rest", () -> {
		});
		driver.runJobs(processInstanceId); // the receipt mail is queued before the NDA task
		return driver.taskId(processInstanceId, TASK_CONCLUDE_NDA);
	}

	private static ResponseEntity<JsonNode> claim(TestRestTemplate rest, String taskId, String userId) {
		return rest.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", userId), JsonNode.class, taskId);
	}

	private String assignee(String taskId) {
		return coordinator().getForObject("/engine-rest/task/{id}", JsonNode.class, taskId).get("assignee").asText();
	}

	private TestRestTemplate coordinator() {
		return this.anonymous.withBasicAuth("coordinator", "coordinator");
	}

	private TestRestTemplate manager() {
		return this.anonymous.withBasicAuth("manager", "manager");
	}

}
