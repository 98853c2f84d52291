package org.hikeshi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.notification.OutboxSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.EngineRestDriver.attachmentNames;
import static org.hikeshi.EngineRestDriver.formKeys;
import static org.hikeshi.EngineRestDriver.json;
import static org.hikeshi.EngineRestDriver.text;
import static org.hikeshi.EngineRestDriver.value;
import static org.hikeshi.incident.IncidentProcess.Elements.*;

/**
 * The whole app: an incident reported through {@code POST /api/incidents} (or Tasklist's start form) and driven
 * to the end through the engine's REST API, the one Tasklist uses, with every task completed by
 * {@code submit-form} with the fields its deployed form declares. Mail goes to a real SMTP server (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentLifecycleTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(TestSmtp.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	/** Mail goes through the outbox; the test profile has no poller, so the test delivers it. */
	@Autowired
	private OutboxSender outboxSender;

	private EngineRestDriver driver;

	@BeforeEach
	void driveAsACoordinator() {
		this.driver = new EngineRestDriver(coordinator(), manager(), "/engine-rest", this.outboxSender::deliverDue);
	}

	@Test
	void shouldRunAnEvidenceFirstIncidentFromTheApiToTheEnd() throws Exception {
		ResponseEntity<JsonNode> created = coordinator().postForEntity("/api/incidents",
				intake("CORPORATION", "Osaka", true), JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long id = created.getBody().get("id").asLong();
		String reference = created.getBody().get("reference").asText();
		String processInstanceId = created.getBody().get("processInstanceId").asText();
		assertThat(reference).matches("IR-\\d{4}-\\d{4}");
		assertThat(created.getHeaders().getLocation()).hasPath("/api/incidents/" + id);
		assertThat(manager().getForObject("/engine-rest/history/process-instance/" + processInstanceId,
				JsonNode.class).get("startUserId").asText()).as("the engine knows who reported it").isEqualTo("coordinator");

		this.driver.runJobs(processInstanceId);
		assertThat(mailTo("soc@example.co.jp")).singleElement()
			.satisfies(m -> assertThat(m.getSubject()).startsWith("[" + reference + "] ご依頼を受け付けました"));

		// an insider is suspected: the incident is confidential, so until a responder is assigned only managers see
		// it and its tasks; not even the coordinator who reported it
		assertThat(coordinator().getForEntity("/api/incidents/" + id, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.driver.openTasks(processInstanceId)).isEmpty();
		EngineRestDriver asManager = this.driver.as(manager());
		asManager.submit(processInstanceId, TASK_CONCLUDE_NDA, Map.of("ndaConcluded", true, "ndaSignedOn", "2026-11-20"));
		assertThat(incident(id).get("phase").asText()).isEqualTo("INITIAL_INVESTIGATION");
		asManager.submit(processInstanceId, TASK_DISPATCH_RESPONDER,
				Map.of("responderName", "佐藤 健二", "responderUserId", "coordinator", "dispatchMode", "ON_SITE"));
		// the responder, and no other coordinator, works it from here on
		assertThat(coordinator().getForEntity("/api/incidents/" + id, String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		this.driver.submit(processInstanceId, TASK_INVESTIGATE_ON_SITE, Map.of("situationSummary", "ファイルサーバの暗号化を確認",
				"damageFound", "共有フォルダ全体", "interimMeasures", "LAN抜線", "milestones", "翌日に証拠保全"));
		JsonNode afterDispatch = incident(id);
		assertThat(afterDispatch.at("/dispatch/responderName").asText()).isEqualTo("佐藤 健二");
		assertThat(afterDispatch.at("/dispatch/slaBreached").asBoolean()).isFalse();
		assertThat(afterDispatch.at("/dispatch/marginMinutes").asLong()).isPositive();

		this.driver.submit(processInstanceId, TASK_DECIDE_POLICY, Map.of("responsePolicy", "EVIDENCE_FIRST",
				"mediaSupportRequested", true, "monitoringContracted", true, "monitoringMonths", 3));
		JsonNode decided = incident(id);
		assertThat(decided.get("responsePolicy").asText()).isEqualTo("EVIDENCE_FIRST");
		assertThat(decided.get("phase").asText()).isEqualTo("POLICY_DECISION");
		this.driver.submit(processInstanceId, TASK_REVIEW_QUOTE, Map.of("quoteReviewNotes", "確認済み"));

		// insider suspected: evidence is preserved after hours with a witness
		assertThat(this.driver.openTasks(processInstanceId)).containsExactlyInAnyOrder(TASK_PRESERVE_EVIDENCE_WITH_WITNESS,
				TASK_HANDLE_MEDIA, TASK_INSTALL_IDS);
		this.driver.submit(processInstanceId, TASK_PRESERVE_EVIDENCE_WITH_WITNESS, Map.of("witnessName", "総務部長",
				"preservedAt", "2026-11-21T20:00+09:00", "evidenceCollected", "PC 3台のディスクイメージ"));
		this.driver.submit(processInstanceId, TASK_ANALYSE_EVIDENCE, Map.of("analysisFindings", "USBメモリへの持ち出し",
				"dataLeaked", "YES"));
		this.driver.submit(processInstanceId, TASK_SUBMIT_EVIDENCE, Map.of("evidenceSubmittedTo", "法務部",
				"evidenceSubmittedOn", "2026-11-27"));
		this.driver.submit(processInstanceId, TASK_PROPOSE_COUNTERMEASURES, Map.of("rootCause", "権限管理の不備", "risks",
				"再発の可能性", "countermeasures", "USB利用の制限"));
		this.driver.submit(processInstanceId, TASK_HOLD_DEBRIEF, Map.of("debriefHeldOn", "2026-11-30", "debriefAttendees", "社長、総務部長"));
		this.driver.submit(processInstanceId, TASK_HANDLE_MEDIA, Map.of("mediaNotes", "謝罪文とQ&Aを作成"),
				Map.of("mediaSupportProvided", "[\"APOLOGY_LETTER\",\"QA_SET\"]"));
		this.driver.submit(processInstanceId, TASK_INSTALL_IDS, Map.of("sensorLocation", "本社DMZ", "idsInstalledOn", "2026-11-22"));
		this.driver.submit(processInstanceId, TASK_SUPPORT_RECOVERY, Map.of("recoverySummary", "業務端末を再構築"));
		this.driver.submit(processInstanceId, TASK_STRENGTHEN_SECURITY, Map.of("hardeningSummary", "DLPを導入"));
		this.driver.submit(processInstanceId, TASK_TRAIN_EMPLOYEES, Map.of("trainingSummary", "全社員向け研修"));
		assertThat(incident(id).get("status").asText()).isEqualTo("OPEN");
		this.driver.submit(processInstanceId, TASK_CONCLUDE_MONITORING, Map.of("alertsDetected", 2, "monitoringSummary", "低危険度2件"));

		JsonNode closed = incident(id);
		assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("phase").asText()).isEqualTo("CLOSED");
		assertThat(this.driver.openTasks(processInstanceId)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?")
			.param(processInstanceId)
			.query(Long.class)
			.single()).isZero();

		List<MimeMessage> clientMail = mailTo("soc@example.co.jp");
		assertThat(clientMail).extracting(MimeMessage::getSubject)
			.extracting(s -> s.substring(reference.length() + 3, s.indexOf(" / ")))
			.containsExactly("ご依頼を受け付けました", "担当者を手配しました", "初動調査報告書", "お見積り", "本格調査報告書",
					"最終報告書と請求書・対応完了のご報告");
		String finalMail = text(clientMail.get(clientMail.size() - 1));
		assertThat(attachmentNames(clientMail.get(0))).isEmpty();
		assertThat(attachmentNames(clientMail.get(2))).singleElement().asString().contains("initial-report").endsWith(".pdf");
		assertThat(attachmentNames(clientMail.get(4))).singleElement().asString().contains("full-report").endsWith(".pdf");
		assertThat(attachmentNames(clientMail.get(5))).singleElement().asString().contains("final-report").endsWith(".pdf");
		assertThat(text(clientMail.get(3))).contains("お見積り");
		assertThat(finalMail).contains(reference);
		// the status link of the last mail shows the closed incident
		Matcher link = Pattern.compile("http://localhost:8080(/status/[A-Za-z0-9_-]+)")
			.matcher(finalMail);
		assertThat(link.find()).isTrue();
		assertThat(this.anonymous.getForObject(link.group(1), String.class)).contains(reference, "完了");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report WHERE incident_id = ?").param(id).query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void shouldStartAnIncidentFromTheTasklistStartForm() throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("organization", value("一般社団法人テスト協会"));
		variables.put("clientType", value("ORGANIZATION"));
		variables.put("contactName", value("鈴木 花子"));
		variables.put("email", value("suzuki@example.or.jp"));
		variables.put("phone", value("045-123-4567"));
		variables.put("prefecture", value("Kanagawa"));
		variables.put("discoveredAt", value("2026-11-21T08:15+09:00"));
		variables.put("incidentTypes", json("[\"WEBSITE_DEFACED\",\"DOS_ATTACK\"]"));
		variables.put("dataCategories", json("[\"NONE\"]"));
		variables.put("discoveryNarrative", value("トップページが書き換えられた"));
		variables.put("insiderSuspected", value(false));
		variables.put("language", value("en"));
		assertThat(formKeys(coordinator().getForObject(
				"/engine-rest/process-definition/key/" + IncidentProcess.PROCESS_KEY + "/deployed-start-form",
				JsonNode.class)))
			.containsAll(variables.keySet());

		ResponseEntity<JsonNode> started = coordinator().postForEntity(
				"/engine-rest/process-definition/key/" + IncidentProcess.PROCESS_KEY + "/submit-form",
				Map.of("variables", variables), JsonNode.class);

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode incident = this.jdbc.sql("SELECT id FROM incident WHERE process_instance_id = ?")
			.param(started.getBody().get("id").asText())
			.query(Long.class)
			.optional()
			.map(this::incident)
			.orElseThrow();
		assertThat(incident.get("incidentTypes")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("WEBSITE_DEFACED", "DOS_ATTACK");
		assertThat(incident.get("language").asText()).isEqualTo("en");
		assertThat(started.getBody().get("businessKey").asText()).isEqualTo(incident.get("reference").asText());
		// the personal intake values live in the incident table, not in the process
		assertThat(manager().getForObject("/engine-rest/process-instance/" + started.getBody().get("id").asText()
				+ "/variables", JsonNode.class).fieldNames()).toIterable()
			.doesNotContain("email", "phone", "contactName", "discoveryNarrative")
			.contains("incidentId", "organization", "dispatchDueAt");
	}

	@Test
	void shouldRefuseAnInvalidStartFormWithA400AndLeaveNothingBehind() {
		long incidentsBefore = count("incident");
		long processesBefore = count("ACT_HI_PROCINST");
		Map<String, Object> variables = Map.of("organization", value("Evil\r\nBcc: x@example.com"), "clientType",
				value("CORPORATION"), "email", value("not-an-address"), "incidentTypes", json("[\"MOON_LANDING\"]"));

		ResponseEntity<String> refused = coordinator().postForEntity(
				"/engine-rest/process-definition/key/" + IncidentProcess.PROCESS_KEY + "/submit-form",
				Map.of("variables", variables), String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("incidentTypes").contains("MOON_LANDING");
		assertThat(count("incident")).isEqualTo(incidentsBefore);
		assertThat(count("ACT_HI_PROCINST")).isEqualTo(processesBefore);
	}

	@Test
	void shouldRefuseAnUnknownPolicyAndKeepTheTaskOpen() throws Exception {
		ResponseEntity<JsonNode> created = coordinator().postForEntity("/api/incidents",
				intake("CORPORATION", "Tokyo", false), JsonNode.class);
		String processInstanceId = created.getBody().get("processInstanceId").asText();
		this.driver.runJobs(processInstanceId);
		this.driver.submit(processInstanceId, TASK_CONCLUDE_NDA, Map.of("ndaConcluded", true));
		this.driver.submit(processInstanceId, TASK_DISPATCH_RESPONDER, Map.of("responderName", "佐藤", "dispatchMode", "REMOTE"));
		this.driver.submit(processInstanceId, TASK_INVESTIGATE_ON_SITE, Map.of("situationSummary", "a", "damageFound", "b",
				"interimMeasures", "c", "milestones", "d"));
		String taskId = this.driver.taskId(processInstanceId, TASK_DECIDE_POLICY);

		ResponseEntity<String> refused = coordinator().postForEntity("/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", Map.of("responsePolicy", value("PANIC"))), String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("responsePolicy").contains("RECOVERY_FIRST");
		assertThat(this.driver.openTasks(processInstanceId)).containsExactly(TASK_DECIDE_POLICY);
	}

	@Test
	void shouldReferAnIndividualAndEndAtOnce() throws Exception {
		ResponseEntity<JsonNode> created = coordinator().postForEntity("/api/incidents",
				intake("INDIVIDUAL", "Hokkaido", false), JsonNode.class);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("status").asText()).isEqualTo("REFERRED");
		this.driver.runJobs(created.getBody().get("processInstanceId").asText());
		assertThat(mailTo("soc@example.co.jp")).singleElement()
			.satisfies(m -> assertThat(text(m)).contains("IPA").contains("警察"));
		assertThat(this.driver.openTasks(created.getBody().get("processInstanceId").asText())).isEmpty();
	}

	@Test
	void shouldHaveASpringBeanForEveryDelegateAndListenerOfTheDiagram() throws Exception {
		BpmnModelInstance model = Bpmn.readModelFromStream(new ClassPathResource(IncidentProcess.RESOURCE).getInputStream());
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			String bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{|}$", "");
			assertThat(this.context.getBean(bean)).as(task.getId())
				.isInstanceOf(JavaDelegate.class);
		}
		assertThat(this.context.getBean("phaseListener"))
			.isInstanceOf(ExecutionListener.class);
	}

	@Test
	void shouldAnswer401ToCallersWithoutCredentials() {
		assertThat(this.anonymous.getForEntity("/api/incidents", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.anonymous.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// no such user: a wrong password of a real user would lock it out for a while (the engine's login throttling)
		assertThat(this.anonymous.withBasicAuth("nosuchuser", "wrong")
			.getForEntity("/api/incidents", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.anonymous.getForEntity("/actuator/health", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	// --- helpers

	private TestRestTemplate coordinator() {
		return this.anonymous.withBasicAuth("coordinator", "coordinator");
	}

	private TestRestTemplate manager() {
		return this.anonymous.withBasicAuth("manager", "manager");
	}

	private Map<String, Object> intake(String clientType, String prefecture, boolean insider) {
		Map<String, Object> body = new HashMap<>();
		body.put("organization", "株式会社サンプル商事");
		body.put("clientType", clientType);
		body.put("contactName", "山田 太郎");
		body.put("email", "soc@example.co.jp");
		body.put("phone", "06-1234-5678");
		body.put("prefecture", prefecture);
		body.put("discoveredAt", OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(3).toString());
		body.put("incidentTypes", List.of("CARD_DATA_LEAK"));
		body.put("dataCategories", List.of("SENSITIVE_PERSONAL"));
		body.put("discoveryNarrative", "取引先から機密情報が漏洩していると通報があった");
		body.put("insiderSuspected", insider);
		body.put("language", "ja");
		return body;
	}

	private JsonNode incident(long id) {
		return manager().getForObject("/api/incidents/" + id, JsonNode.class);
	}

	private List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				messages.add(message);
			}
		}
		return messages;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
