package org.hikeshi;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_CONCLUDE_NDA;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_DISPATCH_RESPONDER;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_NOTIFY_DISPATCH_SLA_BREACH;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_NOTIFY_DISPATCH_SLA_WARNING;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_RECORD_DISPATCH_SLA_BREACH;

/**
 * Two nodes of the packaged application, each a JVM of its own with its job executor on, sharing one PostgreSQL
 * (Camunda 7's cluster model), with mail to a GreenMail server in this JVM:
 * <ol>
 * <li>both nodes serve the same deployment and answer the load balancer's health check;</li>
 * <li>incidents reported on both nodes, with the dispatch SLA shortened to seconds;</li>
 * <li>two coordinators claim the same task on different nodes at the same moment: one wins, the other gets 409;</li>
 * <li>the SLA jobs are held up (this test locks the incidents' rows they must write), one node is killed with
 * SIGKILL while it holds some of them, and the other node runs them once their locks have expired;</li>
 * <li>every SLA timer fired exactly once, every job succeeded exactly once, every mail arrived exactly once.</li>
 * </ol>
 * The job lock time is 10 s here (2 minutes in the profile), so that the survivor takes over quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	private static final String DATABASE = "hikeshi";

	private static final String ROLE = "hikeshi";

	private static final int INCIDENTS_PER_NODE = 3;

	private static final Duration WARNING_AFTER = Duration.ofSeconds(40);

	private static final Duration DEADLINE = Duration.ofSeconds(42);

	private static final Duration LOCK_TIME = Duration.ofSeconds(10);

	private EmbeddedPostgres postgres;

	private JdbcClient jdbc;

	private DataSource dataSource;

	private GreenMail smtp;

	private AppNode nodeA;

	private AppNode nodeB;

	/** Process instance id to the node its incident was reported on. */
	private final Map<String, AppNode> incidents = new HashMap<>();

	private OffsetDateTime contactedAt;

	@BeforeAll
	void startDatabaseMailAndTwoNodes() throws IOException, SQLException {
		this.postgres = EmbeddedPostgres.builder().start();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
			statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " ENCODING 'UTF8' TEMPLATE template0");
		}
		this.dataSource = this.postgres.getDatabase(ROLE, DATABASE);
		this.jdbc = JdbcClient.create(this.dataSource);
		this.smtp = new GreenMail(new ServerSetup(AppNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();

		Map<String, String> environment = Map.of("POSTGRES_URL",
				"jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE, "POSTGRES_USER", ROLE,
				"POSTGRES_PASSWORD", ROLE, "POSTGRES_POOL_SIZE", "10");
		List<String> arguments = List.of("--spring.profiles.active=postgres", "--hikeshi.mail-catcher.enabled=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtp.getSmtp().getPort(),
				"--hikeshi.notification.outbox.poll-interval=1s",
				"--hikeshi.dispatch-sla.warning-after=" + WARNING_AFTER.toSeconds() + "s",
				"--hikeshi.dispatch-sla.deadline=" + DEADLINE.toSeconds() + "s",
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000");
		this.nodeA = new AppNode("node-a", environment, arguments);
		this.nodeB = new AppNode("node-b", environment, arguments);
		// one after the other, as docs/operations.md tells: the first creates the schema and the demo users
		this.nodeA.start().awaitReady(Duration.ofMinutes(3));
		this.nodeB.start().awaitReady(Duration.ofMinutes(3));
	}

	@AfterAll
	void stopEverything() throws IOException {
		for (AppNode node : new AppNode[] { this.nodeA, this.nodeB }) {
			if (node != null) {
				node.stop();
			}
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	@Order(1)
	void shouldServeTheSameDeploymentFromBothNodes() {
		String onA = latestDefinitionId(this.nodeA);
		assertThat(onA).isNotBlank().isEqualTo(latestDefinitionId(this.nodeB));
		// the second node found nothing changed and deployed nothing
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'incident-response'")
			.query(Long.class)
			.single()).isEqualTo(1);
		// the packaged jar found its own diagrams, decisions and forms in BOOT-INF/classes/, under their file names
		assertThat(this.jdbc.sql("""
				SELECT r.NAME_ FROM ACT_GE_BYTEARRAY r JOIN ACT_RE_PROCDEF d ON d.DEPLOYMENT_ID_ = r.DEPLOYMENT_ID_
				WHERE d.KEY_ = 'incident-response'""").query(String.class).list())
			.containsExactlyInAnyOrderElementsOf(TestDeployments.sourceFiles());
		assertThat(this.jdbc.sql("SELECT application_name FROM pg_stat_activity WHERE datname = ?")
			.param(DATABASE)
			.query(String.class)
			.list()).contains("hikeshi@node-a", "hikeshi@node-b");
	}

	@Test
	@Order(2)
	void shouldTakeIncidentsOnBothNodes() {
		// one moment of contact for all, so that all SLA timers come due together
		this.contactedAt = OffsetDateTime.now(ZoneOffset.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
		List<String> references = new ArrayList<>();
		for (int i = 0; i < INCIDENTS_PER_NODE; i++) {
			for (AppNode node : new AppNode[] { this.nodeA, this.nodeB }) {
				ResponseEntity<JsonNode> created = node.as("coordinator")
					.postForEntity("/api/incidents", IntakeJson.cardDataLeak(this.contactedAt), JsonNode.class);
				assertThat(created.getStatusCode()).as("intake on %s", node).isEqualTo(HttpStatus.CREATED);
				references.add(created.getBody().get("reference").asText());
				this.incidents.put(created.getBody().get("processInstanceId").asText(), node);
			}
		}
		assertThat(references).doesNotHaveDuplicates().allMatch(r -> r.matches("IR-\\d{4}-\\d{4}"));

		// the receipt mail is an asynchronous step before the NDA task: the job executors run it
		this.incidents.forEach((pi, node) -> {
			String nda = awaitTask(node, pi, TASK_CONCLUDE_NDA);
			ResponseEntity<String> submitted = node.as("coordinator").postForEntity("/engine-rest/task/{id}/submit-form",
					Map.of("variables", Map.of("ndaConcluded", Map.of("value", true), "ndaSignedOn",
							Map.of("value", this.contactedAt.toLocalDate().toString()))),
					String.class, nda);
			assertThat(submitted.getStatusCode()).as("NDA of %s: %s", pi, submitted.getBody())
				.isEqualTo(HttpStatus.NO_CONTENT);
		});
		this.incidents.forEach((pi, node) -> awaitTask(other(node), pi, TASK_DISPATCH_RESPONDER));
	}

	@Test
	@Order(3)
	void shouldLetOneOfTwoCoordinatorsOnDifferentNodesClaimATask() throws Exception {
		String pi = this.incidents.keySet().iterator().next();
		String taskId = awaitTask(this.nodeA, pi, TASK_DISPATCH_RESPONDER);
		List<ResponseEntity<JsonNode>> answers = Concurrently.run(List.of(
				() -> claim(this.nodeA.as("coordinator"), taskId, "coordinator"),
				() -> claim(this.nodeB.as("manager"), taskId, "manager")));

		assertThat(answers).extracting(ResponseEntity::getStatusCode)
			.containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
		ResponseEntity<JsonNode> lost = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
		assertThat(lost.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(lost.getBody().get("status").asInt()).isEqualTo(409);
		assertThat(lost.getBody().get("title").asText()).isEqualTo("Task already claimed");
		String winner = answers.get(0).getStatusCode() == HttpStatus.NO_CONTENT ? "coordinator" : "manager";
		String loser = winner.equals("coordinator") ? "manager" : "coordinator";
		assertThat(this.nodeB.as("manager").getForObject("/engine-rest/task/{id}", JsonNode.class, taskId)
			.get("assignee")
			.asText()).isEqualTo(winner);

		// trying again later, on either node: the same 409, now naming who has it
		AppNode loserNode = loser.equals("coordinator") ? this.nodeA : this.nodeB;
		ResponseEntity<JsonNode> again = claim(loserNode.as(loser), taskId, loser);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("detail").asText()).contains("already claimed by " + winner);
	}

	@Test
	@Order(4)
	void shouldFinishTheJobsOfAKilledNodeOnTheOtherOneOnce() throws Exception {
		List<String> processInstances = List.copyOf(this.incidents.keySet());
		Map<String, Long> incidentIds = new HashMap<>();
		for (String pi : processInstances) {
			incidentIds.put(pi, this.jdbc.sql("SELECT id FROM incident WHERE process_instance_id = ?")
				.param(pi)
				.query(Long.class)
				.single());
		}
		List<HeldJob> held;
		AppNode victim;
		AppNode survivor;
		try (Connection blocker = this.dataSource.getConnection()) {
			// The SLA jobs must write the incident rows (the breach time; the managers' mail, which refers to the
			// incident). Locking the rows holds them up inside their transactions, with their jobs locked by the
			// nodes that run them, until this transaction ends.
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("SELECT id FROM incident WHERE id IN (" + incidentIds.values()
					.stream()
					.map(String::valueOf)
					.collect(Collectors.joining(",")) + ") FOR UPDATE");
			}
			assertThat(Instant.now()).as("locked before the SLA timers are due")
				.isBefore(this.contactedAt.toInstant().plus(WARNING_AFTER));
			// every mail queued so far goes out; no new one can be queued for these incidents now
			await().atMost(Duration.ofSeconds(60)).until(() -> unsentMail() == 0);

			// every incident's SLA has a job locked by a node and stuck on the row lock
			await().alias("SLA jobs of every incident held by a node")
				.atMost(WARNING_AFTER.plus(Duration.ofSeconds(45)))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> lockedJobs(processInstances).stream().map(HeldJob::processInstanceId).distinct().count(),
						count -> count == processInstances.size());
			List<HeldJob> locked = lockedJobs(processInstances);
			Map<String, Long> perNode = locked.stream()
				.collect(Collectors.groupingBy(HeldJob::node, Collectors.counting()));
			victim = perNode.getOrDefault("node-a", 0L) >= perNode.getOrDefault("node-b", 0L) ? this.nodeA : this.nodeB;
			survivor = other(victim);
			assertThat(locked).as("jobs locked by %s", victim).anyMatch(job -> job.node().equals(victim.name()));
			await().alias(victim + " inside the jobs, waiting for the rows")
				.atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.jdbc.sql("""
						SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'
						""").param("hikeshi@" + victim.name()).query(Long.class).single() > 0);

			victim.kill();
			assertThat(victim.isAlive()).isFalse();
			// what the dead node still holds: jobs it had locked and not finished (a timer job that needs no incident
			// row may have finished before the kill)
			held = lockedJobs(processInstances).stream().filter(job -> job.node().equals(victim.name())).toList();
			System.out.printf("ClusterIT: killed %s (SIGKILL) while it held %d of the %d locked SLA jobs%n", victim,
					held.size(), locked.size());
			assertThat(held).as("jobs held by %s when it was killed", victim).isNotEmpty();
			blocker.rollback();
		}

		// the survivor finishes its own jobs at once, the victim's once their locks have expired, and the breach
		// timers as they come due
		await().alias("all SLA work done on " + survivor)
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> jobsLeft(processInstances) == 0 && unsentMail() == 0
					&& slaBreachesRecorded(incidentIds.values()) == processInstances.size());

		for (HeldJob job : held) {
			List<Map<String, Object>> successes = this.jdbc.sql("""
					SELECT HOSTNAME_, TIMESTAMP_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ? AND JOB_STATE_ = 2
					""").param(job.id()).query().listOfRows();
			assertThat(successes).as("job %s, held by %s when it was killed", job, victim).hasSize(1);
			assertThat(successes.get(0).get("hostname_")).isEqualTo(survivor.name());
			assertThat(((Timestamp) successes.get(0).get("timestamp_")).toInstant())
				.as("taken over only after its lock expired").isAfterOrEqualTo(job.lockExpires());
		}

		// every SLA timer fired once, every SLA step ran once, on whichever node
		for (String pi : processInstances) {
			Map<String, Long> activities = this.jdbc.sql("""
					SELECT ACT_ID_, COUNT(*) AS runs FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? GROUP BY ACT_ID_
					""")
				.param(pi)
				.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(activities).as("activities of %s", pi)
				.containsEntry("Timer_DispatchSlaWarning", 1L)
				.containsEntry("Timer_DispatchSlaBreached", 1L)
				.containsEntry(TASK_NOTIFY_DISPATCH_SLA_WARNING, 1L)
				.containsEntry(TASK_RECORD_DISPATCH_SLA_BREACH, 1L)
				.containsEntry(TASK_NOTIFY_DISPATCH_SLA_BREACH, 1L);
			assertThat(this.jdbc.sql("""
					SELECT ACT_ID_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ? AND JOB_STATE_ = 2
					GROUP BY ACT_ID_ HAVING COUNT(*) <> 1
					""").param(pi).query().listOfRows()).as("jobs of %s that succeeded more than once", pi).isEmpty();
		}

		// every mail exactly once: one message per outbox row, told apart by the outbox's Message-ID
		Map<String, String> outbox = this.jdbc.sql("SELECT id, incident_id, event FROM mail_outbox WHERE status = 'SENT'")
			.query((rs, row) -> Map.entry("<hikeshi.outbox." + rs.getLong(1) + "." + rs.getLong(2) + "."
					+ rs.getString(3).toLowerCase() + "@hikeshi.example>", rs.getString(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Map<String, Long> received = receivedPerMessageId();
		assertThat(received).as("mail received per Message-ID").containsOnlyKeys(outbox.keySet());
		assertThat(received.values()).as("copies of each mail").containsOnly(1L);
		assertThat(outbox.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
			.containsEntry("DISPATCH_SLA_WARNING", (long) processInstances.size())
			.containsEntry("DISPATCH_SLA_BREACHED", (long) processInstances.size())
			.containsEntry("INCIDENT_RECEIVED", (long) processInstances.size());

		// the survivor carries on alone
		ResponseEntity<JsonNode> later = survivor.as("coordinator")
			.postForEntity("/api/incidents", IntakeJson.cardDataLeak(OffsetDateTime.now(ZoneOffset.ofHours(9))), JsonNode.class);
		assertThat(later.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	// --- helpers

	private record HeldJob(String id, String processInstanceId, String node, Instant lockExpires) {
	}

	/** Jobs of these processes locked now, with the node whose lock owner holds them. */
	private List<HeldJob> lockedJobs(List<String> processInstances) {
		Instant now = Instant.now();
		return this.jdbc.sql("""
				SELECT ID_, PROCESS_INSTANCE_ID_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_JOB
				WHERE LOCK_OWNER_ IS NOT NULL AND PROCESS_INSTANCE_ID_ IN (:pis)
				""")
			.param("pis", processInstances)
			.query((rs, row) -> new HeldJob(rs.getString(1), rs.getString(2),
					rs.getString(3).substring(0, rs.getString(3).indexOf('/')), rs.getTimestamp(4).toInstant()))
			.list()
			.stream()
			.filter(job -> job.lockExpires().isAfter(now))
			.toList();
	}

	private long jobsLeft(List<String> processInstances) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN (:pis)")
			.param("pis", processInstances)
			.query(Long.class)
			.single();
	}

	private long unsentMail() {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'").query(Long.class).single();
	}

	private long slaBreachesRecorded(java.util.Collection<Long> incidentIds) {
		return this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE dispatch_sla_breached_at IS NOT NULL AND id IN (:ids)")
			.param("ids", incidentIds)
			.query(Long.class)
			.single();
	}

	private Map<String, Long> receivedPerMessageId() throws Exception {
		Map<String, Long> perId = new HashMap<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			// GreenMail keeps one copy per recipient; every outbox mail here has one recipient
			perId.merge(message.getMessageID(), 1L, Long::sum);
		}
		return perId;
	}

	private String latestDefinitionId(AppNode node) {
		JsonNode definitions = node.as("manager")
			.getForObject("/engine-rest/process-definition?key=incident-response&latestVersion=true&maxResults=10", JsonNode.class);
		assertThat(definitions).hasSize(1);
		return definitions.get(0).get("id").asText();
	}

	private String awaitTask(AppNode node, String processInstanceId, String taskKey) {
		TestRestTemplate rest = node.as("coordinator");
		return await().alias(taskKey + " of " + processInstanceId)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> rest.getForObject("/engine-rest/task?processInstanceId={pi}&taskDefinitionKey={key}&maxResults=10",
					JsonNode.class, processInstanceId, taskKey), tasks -> tasks.size() == 1)
			.get(0)
			.get("id")
			.asText();
	}

	private static ResponseEntity<JsonNode> claim(TestRestTemplate rest, String taskId, String userId) {
		return rest.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", userId), JsonNode.class, taskId);
	}

	private AppNode other(AppNode node) {
		return node == this.nodeA ? this.nodeB : this.nodeA;
	}

}
