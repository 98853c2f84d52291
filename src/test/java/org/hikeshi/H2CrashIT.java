package org.hikeshi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_CONCLUDE_NDA;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_DISPATCH_RESPONDER;

/**
 * The default setup, one node on the H2 file under {@code ./data/}, killed with SIGKILL while coordinators report
 * incidents and conclude NDAs, then started again on the same file. Whatever the app had acknowledged (201 for an
 * intake, 204 for a completed task) is still there afterwards, every process goes on, and every mail queued
 * before or after the crash is delivered, once.
 * <p>
 * The only mail that may arrive twice is one the node was handing to the SMTP server at the instant it died (the
 * outbox row still {@code SENDING}, see {@code OutboxSender}); such a repeat carries the same Message-ID. The test
 * reads which rows those were from a copy of the database file taken after the crash.
 */
class H2CrashIT {

	private static final int WORKERS = 3;

	private final Path directory = AppNode.workDirectory().resolve("h2-crash");

	private GreenMail smtp;

	private AppNode node;

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.stop();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void shouldLoseNothingWhenKilledUnderLoad() throws Exception {
		FileSystemUtils.deleteRecursively(this.directory);
		Files.createDirectories(this.directory);
		this.smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		this.node = new AppNode("h2-node", Map.of(), List.of("--hikeshi.mail-catcher.enabled=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				// test settings: a mail being sent when the node dies is taken up again after 20 s (5 min by default),
				// a job after 10 s (5 min in Camunda's default)
				"--hikeshi.notification.outbox.poll-interval=1s", "--hikeshi.notification.outbox.claim-timeout=20s",
				"--camunda.bpm.job-execution.lock-time-in-millis=10000",
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000"))
			.in(this.directory);
		this.node.start().awaitReady(Duration.ofMinutes(3));

		// --- load: each worker reports incidents and concludes the NDAs of its own incidents as they come up
		Map<Long, JsonNode> intakes = new ConcurrentHashMap<>();
		Map<String, String> completedNdas = new ConcurrentHashMap<>(); // task id -> process instance
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
		for (int w = 0; w < WORKERS; w++) {
			workers.submit(() -> work(intakes, completedNdas, running));
		}
		try {
			await().alias("load on " + this.node)
				.atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> intakes.size() >= 15 && completedNdas.size() >= 6);
			this.node.kill();
		}
		finally {
			running.set(false);
			workers.shutdown();
			assertThat(workers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}
		Set<String> sendingAtCrash = sendingAtCrash();
		System.out.printf("H2CrashIT: killed %s after %d acknowledged intakes and %d NDAs; %d mail being sent%n",
				this.node, intakes.size(), completedNdas.size(), sendingAtCrash.size());

		// --- restart on the same file
		this.node.start().awaitReady(Duration.ofMinutes(3));
		// a manager sees every incident, task and its history
		TestRestTemplate manager = this.node.as("manager");

		for (JsonNode acknowledged : intakes.values()) {
			long id = acknowledged.get("id").asLong();
			ResponseEntity<JsonNode> incident = manager.getForEntity("/api/incidents/{id}", JsonNode.class, id);
			assertThat(incident.getStatusCode()).as("incident %s after the crash", acknowledged).isEqualTo(HttpStatus.OK);
			assertThat(incident.getBody().get("reference").asText()).isEqualTo(acknowledged.get("reference").asText());
			String pi = acknowledged.get("processInstanceId").asText();
			assertThat(incident.getBody().get("processInstanceId").asText()).isEqualTo(pi);
			assertThat(manager.getForEntity("/engine-rest/history/process-instance/{pi}", JsonNode.class, pi)
				.getStatusCode()).as("process instance %s", pi).isEqualTo(HttpStatus.OK);
		}
		completedNdas.forEach((taskId, pi) -> {
			JsonNode task = manager.getForObject("/engine-rest/history/task?taskId={id}&maxResults=10", JsonNode.class, taskId);
			assertThat(task).as("NDA task %s", taskId).hasSize(1);
			assertThat(task.get(0).get("endTime").isNull()).as("NDA task %s completed", taskId).isFalse();
		});

		// every process goes on: each waits in the NDA task or, past it, in the dispatch
		await().alias("every incident at its next task")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> intakes.values().stream().allMatch(i -> {
				String pi = i.get("processInstanceId").asText();
				List<String> open = openTasks(manager, pi);
				return completedNdas.containsValue(pi) ? open.equals(List.of(TASK_DISPATCH_RESPONDER))
						: open.equals(List.of(TASK_CONCLUDE_NDA)) || open.equals(List.of(TASK_DISPATCH_RESPONDER));
			}));

		// every mail delivered: the outbox is empty, one message per outbox row
		JsonNode outbox = await().alias("outbox delivered")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> manager.getForObject("/api/notifications/outbox", JsonNode.class),
					rows -> rows.findValuesAsText("status").stream().allMatch("SENT"::equals));
		Map<String, Long> received = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			received.merge(message.getMessageID(), 1L, Long::sum);
		}
		Set<String> expected = new HashSet<>();
		Set<Long> receiptMailed = new HashSet<>();
		for (JsonNode row : outbox) {
			String messageId = messageId(row.get("id").asLong(), row.get("incidentId").asLong(), row.get("event").asText());
			expected.add(messageId);
			long copies = received.getOrDefault(messageId, 0L);
			if (sendingAtCrash.contains(messageId)) {
				assertThat(copies).as("copies of %s, being sent at the crash", messageId).isBetween(1L, 2L);
			}
			else {
				assertThat(copies).as("copies of %s", messageId).isEqualTo(1L);
			}
			if ("INCIDENT_RECEIVED".equals(row.get("event").asText())) {
				receiptMailed.add(row.get("incidentId").asLong());
			}
		}
		assertThat(received).containsOnlyKeys(expected);
		assertThat(receiptMailed).as("incidents whose receipt mail was delivered").containsAll(intakes.keySet());
	}

	/** One coordinator at work until told to stop or the node is gone; records what the app acknowledged. */
	private void work(Map<Long, JsonNode> intakes, Map<String, String> completedNdas, AtomicBoolean running) {
		TestRestTemplate coordinator = this.node.as("coordinator");
		List<String> mine = Collections.synchronizedList(new ArrayList<>());
		while (running.get()) {
			try {
				ResponseEntity<JsonNode> created = coordinator.postForEntity("/api/incidents",
						IntakeJson.cardDataLeak(OffsetDateTime.now(ZoneOffset.ofHours(9))), JsonNode.class);
				if (created.getStatusCode() == HttpStatus.CREATED) {
					intakes.put(created.getBody().get("id").asLong(), created.getBody());
					mine.add(created.getBody().get("processInstanceId").asText());
				}
				for (String pi : List.copyOf(mine)) {
					JsonNode tasks = coordinator.getForObject(
							"/engine-rest/task?processInstanceId={pi}&taskDefinitionKey={key}&maxResults=10", JsonNode.class, pi,
							TASK_CONCLUDE_NDA);
					if (tasks == null || tasks.isEmpty() || !running.get()) {
						continue;
					}
					String taskId = tasks.get(0).get("id").asText();
					ResponseEntity<String> submitted = coordinator.postForEntity("/engine-rest/task/{id}/submit-form",
							Map.of("variables", Map.of("ndaConcluded", Map.of("value", true), "ndaSignedOn",
									Map.of("value", "2026-11-20"))),
							String.class, taskId);
					if (submitted.getStatusCode() == HttpStatus.NO_CONTENT) {
						completedNdas.put(taskId, pi);
						mine.remove(pi);
					}
				}
			}
			catch (RuntimeException nodeGone) {
				if (!this.node.isAlive()) {
					return;
				}
			}
		}
	}

	/** The Message-IDs of the outbox rows that were being sent when the node died, read from a copy of the file. */
	private Set<String> sendingAtCrash() throws IOException, SQLException {
		Path copy = AppNode.workDirectory().resolve("h2-crash-copy");
		FileSystemUtils.deleteRecursively(copy);
		Files.createDirectories(copy);
		Files.copy(this.directory.resolve("data/hikeshi.mv.db"), copy.resolve("hikeshi.mv.db"),
				StandardCopyOption.REPLACE_EXISTING);
		Set<String> ids = new HashSet<>();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("hikeshi"), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id, incident_id, event FROM mail_outbox WHERE status = 'SENDING'")) {
			while (rows.next()) {
				ids.add(messageId(rows.getLong(1), rows.getLong(2), rows.getString(3)));
			}
		}
		return ids;
	}

	private static List<String> openTasks(TestRestTemplate rest, String pi) {
		List<String> keys = new ArrayList<>();
		rest.getForObject("/engine-rest/task?processInstanceId={pi}&maxResults=100", JsonNode.class, pi)
			.forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
		return keys;
	}

	private static String messageId(long id, long incidentId, String event) {
		return "<hikeshi.outbox." + id + "." + incidentId + "." + event.toLowerCase() + "@hikeshi.example>";
	}

}
