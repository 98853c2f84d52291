package org.hikeshi;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_CONCLUDE_NDA;

/**
 * Claiming through Tasklist: the webapps' own REST API ({@code /camunda/api/engine}), reached as a browser reaches
 * it, with a Tasklist session (login form, session cookie, Camunda's {@code XSRF-TOKEN}). A task someone else has
 * claimed answers {@code 409} with the problem details and the {@code message} Tasklist shows, and a task that does
 * not exist {@code 404}, as on {@code /engine-rest} ({@code TaskClaimConflictTests}, {@code BadInputTests}).
 * <p>
 * The packaged application in a process of its own: the webapps find their engine in Camunda's static registries,
 * which the other application contexts of the test JVM overwrite, so this path cannot be tested in {@code mvn test}.
 */
class TasklistClaimIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Path DIRECTORY = AppNode.workDirectory().resolve("tasklist-claim");

	private static AppNode node;

	@BeforeAll
	static void start() throws IOException {
		FileSystemUtils.deleteRecursively(DIRECTORY);
		Files.createDirectories(DIRECTORY);
		// the default setup (H2 file, demo users, mail catcher), its mail catcher on free ports
		node = new AppNode("tasklist-node", Map.of(), List.of("--spring.mail.port=" + AppNode.freePort(),
				"--hikeshi.mail-catcher.imap-port=" + AppNode.freePort())).in(DIRECTORY);
		node.start().awaitReady(Duration.ofMinutes(3));
	}

	@AfterAll
	static void stop() {
		if (node != null) {
			node.stop();
		}
	}

	@Test
	void shouldAnswerATasklistClaimOfAClaimedTaskWithConflict() throws Exception {
		String taskId = newNdaTask();
		Tasklist coordinator = Tasklist.login(node.port(), "coordinator");
		Tasklist manager = Tasklist.login(node.port(), "manager");

		assertThat(coordinator.claim(taskId).statusCode()).isEqualTo(204);

		HttpResponse<String> conflict = manager.claim(taskId);
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(conflict.body());
		assertThat(problem.get("title").asText()).isEqualTo("Task already claimed");
		assertThat(problem.get("detail").asText()).isEqualTo(
				"Task " + taskId + " is already claimed by coordinator. Ask them to unclaim it, or pick another task.");
		// what Tasklist shows in its notification
		assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());
		assertThat(problem.get("instance").asText())
			.isEqualTo("/camunda/api/engine/engine/default/task/" + taskId + "/claim");
		assertThat(node.as("manager")
			.getForObject("/engine-rest/task/{id}", JsonNode.class, taskId)
			.get("assignee")
			.asText()).isEqualTo("coordinator");

		HttpResponse<String> missing = coordinator.claim("no-such-task");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(missing.body()).get("title").asText()).isEqualTo("Task not found");
	}

	@Test
	void shouldRefuseAClaimWithoutTheSessionsXsrfToken() throws Exception {
		String taskId = newNdaTask();
		Tasklist coordinator = Tasklist.login(node.port(), "coordinator");

		assertThat(coordinator.claimWithoutToken(taskId).statusCode()).isEqualTo(403);
		assertThat(node.as("manager")
			.getForObject("/engine-rest/task/{id}", JsonNode.class, taskId)
			.get("assignee")
			.isNull()).isTrue();
	}

	/** A new incident's NDA task, the first task of every incident, offered to the coordinators. */
	private static String newNdaTask() {
		TestRestTemplate coordinator = node.as("coordinator");
		ResponseEntity<JsonNode> created = coordinator.postForEntity("/api/incidents",
				IntakeJson.cardDataLeak(OffsetDateTime.now(ZoneOffset.ofHours(9))), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String processInstanceId = created.getBody().get("processInstanceId").asText();
		// the NDA task comes after the intake's asynchronous steps, run by the node's job executor
		JsonNode tasks = await().alias("NDA task of " + processInstanceId)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> node.as("manager")
				.getForObject("/engine-rest/task?processInstanceId={pi}&taskDefinitionKey={key}&maxResults=10",
						JsonNode.class, processInstanceId, TASK_CONCLUDE_NDA), found -> found.size() == 1);
		return tasks.get(0).get("id").asText();
	}

	/** A browser's Tasklist session: its cookies, and the XSRF token Camunda's webapps ask back in a header. */
	private record Tasklist(HttpClient http, CookieManager cookies, URI base, String user) {

		static Tasklist login(int port, String user) throws IOException, InterruptedException {
			CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
			HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
			Tasklist tasklist = new Tasklist(http, cookies, URI.create("http://localhost:" + port), user);
			// opening Tasklist gives the session its XSRF token
			tasklist.open();
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(user, StandardCharsets.UTF_8);
			HttpResponse<String> login = http.send(tasklist.post("/camunda/api/admin/auth/user/default/login/tasklist",
					"application/x-www-form-urlencoded", form, true), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
			// the login starts a new session, which gets a token of its own when Tasklist loads again
			tasklist.open();
			return tasklist;
		}

		private void open() throws IOException, InterruptedException {
			HttpResponse<String> page = this.http.send(
					HttpRequest.newBuilder(this.base.resolve("/camunda/app/tasklist/default/")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
		}

		HttpResponse<String> claim(String taskId) throws IOException, InterruptedException {
			return this.http.send(post("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
					"application/json", "{\"userId\":\"" + this.user + "\"}", true), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> claimWithoutToken(String taskId) throws IOException, InterruptedException {
			return this.http.send(post("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
					"application/json", "{\"userId\":\"" + this.user + "\"}", false), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest post(String path, String contentType, String body, boolean withToken) {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
				.header("Content-Type", contentType)
				.header("Accept", "application/json, text/plain, */*")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (withToken) {
				request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
			}
			return request.build();
		}

		private String cookie(String name) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue)
				.reduce((first, last) -> last)
				.orElseThrow(() -> new AssertionError("no " + name + " cookie in the Tasklist session"));
		}

	}

}
