package org.hikeshi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hikeshi.notification.OutboxSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hikeshi.EngineRestDriver.text;
import static org.hikeshi.incident.IncidentProcess.Elements.*;

/**
 * The three phases in depth on the whole application (docs/phases.md): alerts posted by a sensor account and what
 * they start, the report deadlines and what our tables record of them, the chain of custody and what tampering
 * does to it. Incidents are driven through the engine's REST API with their forms' fields, as Tasklist does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhasesTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(TestSmtp.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OutboxSender outboxSender;

	private EngineRestDriver driver;

	@BeforeEach
	void driveAsACoordinator() {
		this.driver = new EngineRestDriver(coordinator(), this.anonymous.withBasicAuth("manager", "manager"), "/engine-rest",
				this.outboxSender::deliverDue);
	}

	// --- monitoring

	@Test
	void shouldCorrelateACriticalAlertAndOnlyRecordALowOne() throws Exception {
		Started incident = monitored();

		ResponseEntity<JsonNode> low = alert(incident.id(), "ET SCAN Nmap Scripting Engine", "RECONNAISSANCE", 2, now());
		assertThat(low.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(low.getBody().get("danger").asText()).isEqualTo("LOW");
		assertThat(low.getBody().get("correlated").asBoolean()).isFalse();
		this.driver.runJobs(incident.pi());
		assertThat(this.driver.openTasks(incident.pi())).doesNotContain(TASK_ANALYSE_ALERT);
		assertThat(mailTo("admin@example.co.jp")).isEmpty();

		ResponseEntity<JsonNode> critical = alert(incident.id(), "ET TROJAN Cobalt Strike Beacon", "COMMAND_AND_CONTROL", 6,
				now());
		assertThat(critical.getBody().get("danger").asText()).isEqualTo("CRITICAL");
		assertThat(critical.getBody().get("correlated").asBoolean()).isTrue();
		assertThat(critical.getBody().at("/rawEvent/dest_ip").asText()).as("kept as it came").isEqualTo("203.0.113.7");
		this.driver.runJobs(incident.pi());
		String task = this.driver.taskId(incident.pi(), TASK_ANALYSE_ALERT);
		assertThat(this.driver.taskVariable(task, "alertSignature").asText()).isEqualTo("ET TROJAN Cobalt Strike Beacon");
		assertThat(mailTo("admin@example.co.jp")).singleElement()
			.satisfies(m -> assertThat(text(m)).contains("緊急", "ファイアウォール", "Block the destination address"));
		this.driver.submit(incident.pi(), TASK_ANALYSE_ALERT, Map.of("alertVerdict", "FALSE_POSITIVE", "alertActionTaken",
				"検証用の通信と確認"));
		JsonNode alerts = coordinator().getForObject("/api/incidents/" + incident.id() + "/alerts", JsonNode.class);
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).get("verdict").asText()).isEqualTo("FALSE_POSITIVE");
		assertThat(alerts.get(0).get("assessedBy").asText()).isEqualTo("coordinator");
	}

	@Test
	void shouldCollapseAStormOfDuplicateAlertsIntoOneTask() throws Exception {
		Started incident = monitored();
		OffsetDateTime start = now().minusMinutes(30);

		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ResponseEntity<JsonNode> posted = alert(incident.id(), "ET EXPLOIT Apache Log4j RCE", "INTRUSION", 9,
					start.plusSeconds(15L * i));
			assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			ids.add(posted.getBody().get("id").asLong());
		}
		// the same signature after a quiet spell longer than the window is a new alert
		ResponseEntity<JsonNode> later = alert(incident.id(), "ET EXPLOIT Apache Log4j RCE", "INTRUSION", 9,
				start.plusMinutes(25));
		this.driver.runJobs(incident.pi());

		assertThat(this.driver.taskIds(incident.pi(), TASK_ANALYSE_ALERT)).hasSize(2);
		assertThat(later.getBody().get("duplicateOf").isNull()).isTrue();
		assertThat(this.jdbc.sql("SELECT occurrences FROM monitoring_alert WHERE id = ?").param(ids.get(0))
			.query(Integer.class).single()).isEqualTo(40);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE duplicate_of = ?").param(ids.get(0))
			.query(Long.class).single()).isEqualTo(39);
		assertThat(mailTo("admin@example.co.jp")).as("one mail per alert that needs work, not per duplicate").hasSize(2);
	}

	@Test
	void shouldRefuseAlertsWhileNotMonitoredAndAfterTheMonitoringEnded() {
		Started incident = atServices(false, false, true, "RECOVERY_FIRST");
		ResponseEntity<String> beforeInstallation = sensor().postForEntity("/api/incidents/" + incident.id() + "/alerts",
				alertBody("ET TROJAN x", "MALWARE", 9, now()), String.class);
		assertThat(beforeInstallation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(beforeInstallation.getBody()).contains("not being monitored");

		installIds(incident);
		ResponseEntity<String> invalid = sensor().postForEntity("/api/incidents/" + incident.id() + "/alerts",
				Map.of("source", "ids", "signatureClass", "MOON", "severity", 11), String.class);
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(sensor().postForEntity("/api/incidents/999999/alerts", alertBody("x", "OTHER", 1, now()), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode contracted = coordinator().getForObject("/api/incidents/" + incident.id() + "/monitoring", JsonNode.class);
		this.driver.submit(incident.pi(), TASK_MANAGE_MONITORING, Map.of("monitoringAction", "EXTEND",
				"monitoringExtensionMonths", 2, "monitoringActionReason", "お客様のご要望"));
		JsonNode extended = coordinator().getForObject("/api/incidents/" + incident.id() + "/monitoring", JsonNode.class);
		assertThat(extended.at("/period/extendedMonths").asInt()).isEqualTo(2);
		assertThat(java.time.OffsetDateTime.parse(extended.at("/period/endsAt").asText()).toInstant())
			.isEqualTo(java.time.OffsetDateTime.parse(contracted.at("/period/endsAt").asText())
				.atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
				.plusMonths(2)
				.toInstant());
		assertThat(this.driver.openTasks(incident.pi())).contains(TASK_MANAGE_MONITORING);
		this.driver.submit(incident.pi(), TASK_MANAGE_MONITORING, Map.of("monitoringAction", "END_EARLY",
				"monitoringActionReason", "サーバ撤去"));

		long stored = alertCount(incident.id());
		ResponseEntity<String> afterEnd = sensor().postForEntity("/api/incidents/" + incident.id() + "/alerts",
				alertBody("ET TROJAN late", "MALWARE", 9, now()), String.class);
		assertThat(afterEnd.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(afterEnd.getBody()).contains("ended");
		assertThat(alertCount(incident.id())).isEqualTo(stored);
		JsonNode monitoring = coordinator().getForObject("/api/incidents/" + incident.id() + "/monitoring", JsonNode.class);
		assertThat(monitoring.at("/period/endedEarly").asBoolean()).isTrue();
		assertThat(monitoring.get("reports")).as("the closing report").hasSize(1);
		assertThat(this.driver.openTasks(incident.pi())).contains(TASK_CONCLUDE_MONITORING);
	}

	// --- authority report deadlines

	@Test
	void shouldRecordAMissedPreliminaryReportAndAMetFinalReport() throws Exception {
		Started incident = atServices(false, true, false, "RECOVERY_FIRST");
		// the client became aware six days ago: the preliminary report (5 days) is already late
		this.driver.submit(incident.pi(), TASK_ASSESS_REPORTING_DUTIES, Map.of("awareAt",
				now().minusDays(6).withNano(0).toString(), "personalDataLeak", true, "unauthorizedAccess", true,
				"euDataSubjects", false));

		JsonNode deadlines = coordinator().getForObject("/api/incidents/" + incident.id() + "/authority-deadlines",
				JsonNode.class);
		assertThat(deadlines).extracting(d -> d.get("kind").asText() + ":" + d.get("status").asText())
			.containsExactly("PPC_PRELIMINARY:MISSED", "PPC_FINAL:OPEN");
		assertThat(deadlines.get(0).get("warnedAt").isNull()).isFalse();
		assertThat(deadlines.get(1).get("legalBasis").asText()).contains("60");
		assertThat(mailTo("manager@hikeshi.example")).extracting(MimeMessage::getSubject)
			.anySatisfy(s -> assertThat(s).contains("当局への報告期限が迫っています"))
			.anySatisfy(s -> assertThat(s).contains("当局への報告期限を過ぎました"));

		List<String> tasks = this.driver.taskIds(incident.pi(), TASK_FILE_AUTHORITY_REPORT);
		assertThat(tasks).hasSize(2);
		assertThat(this.driver.taskVariable(tasks.get(0), "ppcOverview").asText()).contains("クレジットカード情報の漏えい");
		this.driver.submitTask(incident.pi(), tasks.get(0), TASK_FILE_AUTHORITY_REPORT, Map.of("ppcOverview",
				"決済画面の改ざんによるカード情報の漏えい", "authorityReportFiledAt", now().withNano(0).toString(),
				"authorityReportReceipt", "PPC-123"), Map.of());
		// what was filed first is the starting point of the next report
		assertThat(this.driver.taskVariable(tasks.get(1), "ppcOverview").asText()).isEqualTo("決済画面の改ざんによるカード情報の漏えい");
		this.driver.submitTask(incident.pi(), tasks.get(1), TASK_FILE_AUTHORITY_REPORT, Map.of("ppcOverview",
				"決済画面の改ざんによるカード情報の漏えい（確報）", "authorityReportFiledAt", now().withNano(0).toString()), Map.of());
		assertThat(coordinator().getForObject("/api/incidents/" + incident.id() + "/authority-deadlines", JsonNode.class))
			.extracting(d -> d.get("kind").asText() + ":" + d.get("status").asText())
			.containsExactly("PPC_PRELIMINARY:MISSED", "PPC_FINAL:MET");
		assertThat(coordinator().getForObject("/api/incidents/" + incident.id() + "/support-documents", JsonNode.class))
			.extracting(d -> d.get("kind").asText())
			.contains("APOLOGY_LETTER", "QA_SET", "PPC_REPORT");
	}

	// --- evidence chain of custody

	@Test
	void shouldDetectTamperingWithAStoredCustodyEntryAndRefuseTheSubmission() {
		Started incident = atEvidenceSubmission();
		String base = "/api/incidents/" + incident.id() + "/evidence";
		ResponseEntity<JsonNode> handedOver = coordinator().postForEntity(base + "/1/handovers", Map.of("to", "ラボ 田中",
				"at", now().minusMinutes(30).toString(), "reason", "解析のためラボへ搬送"), JsonNode.class);
		assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(handedOver.getBody().get("custodian").asText()).isEqualTo("ラボ 田中");
		assertThat(coordinator().getForObject(base + "/verification", JsonNode.class).get("verified").asBoolean()).isTrue();
		ResponseEntity<String> notTheHolder = coordinator().postForEntity(base + "/1/handovers", Map.of("from", "佐藤 健二",
				"to", "誰か", "at", now().toString(), "reason", "x"), String.class);
		assertThat(notTheHolder.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		// someone with database access rewrites who received the item
		this.jdbc.sql("UPDATE evidence_custody_entry SET to_party = '第三者' WHERE seq = 2 AND item_id = "
				+ "(SELECT id FROM evidence_item WHERE incident_id = ? AND item_no = 1)").param(incident.id()).update();

		JsonNode verification = coordinator().getForObject(base + "/verification", JsonNode.class);
		assertThat(verification.get("verified").asBoolean()).isFalse();
		assertThat(verification.at("/results/0/problems").toString()).contains("entry 2 was changed after it was recorded");
		ResponseEntity<String> refused = this.driver.trySubmit(this.driver.taskId(incident.pi(), TASK_SUBMIT_EVIDENCE),
				TASK_SUBMIT_EVIDENCE, Map.of("evidenceSubmittedTo", "大阪府警", "evidenceSubmittedOn", "2026-11-27"), Map.of());
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("does not verify");
		assertThat(this.driver.openTasks(incident.pi())).contains(TASK_SUBMIT_EVIDENCE);

		// a changed item (its hash) breaks its registration entry too
		this.jdbc.sql("UPDATE evidence_item SET sha256 = ? WHERE incident_id = ? AND item_no = 1")
			.params("0".repeat(64), incident.id()).update();
		assertThat(coordinator().getForObject(base + "/verification", JsonNode.class).at("/results/0/problems").toString())
			.contains("entry 1 was changed");
	}

	@Test
	void shouldSubmitOnlyVerifiedEvidenceAndShowTheChainInTheFullReport() throws Exception {
		Started incident = atEvidenceSubmission();
		this.driver.submit(incident.pi(), TASK_SUBMIT_EVIDENCE, Map.of("evidenceSubmittedTo", "法務部",
				"evidenceSubmittedOn", "2026-11-27"));
		JsonNode item = coordinator().getForObject("/api/incidents/" + incident.id() + "/evidence/1", JsonNode.class);
		assertThat(item.get("custodian").asText()).isEqualTo("法務部");
		assertThat(item.get("chain")).extracting(e -> e.get("type").asText()).containsExactly("REGISTERED", "HANDED_OVER");
		assertThat(item.get("verified").asBoolean()).isTrue();

		this.driver.submit(incident.pi(), TASK_PROPOSE_COUNTERMEASURES, Map.of("rootCause", "権限管理の不備", "risks", "再発",
				"countermeasures", "USB制限"));
		JsonNode reports = coordinator().getForObject("/api/incidents/" + incident.id() + "/reports", JsonNode.class);
		JsonNode full = null;
		for (JsonNode report : reports) {
			if (report.get("type").asText().equals("FULL")) {
				full = report;
			}
		}
		assertThat(full).isNotNull();
		byte[] pdf = coordinator().getForObject("/api/incidents/{id}/reports/{report}.pdf", byte[].class, incident.id(),
				full.get("id").asLong());
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("証拠の保管の連鎖", "検証しました。改ざんはありません", SHA256.substring(0, 20), "法務部");
		}
	}

	// --- helpers

	/** An evidence-first incident waiting at the submission, with one registered item. */
	private Started atEvidenceSubmission() {
		Started incident = atServices(false, false, false, "EVIDENCE_FIRST");
		this.driver.submit(incident.pi(), TASK_PRESERVE_EVIDENCE, Map.of("evidenceCollected", "PC 1台のディスクイメージ"));
		this.driver.submit(incident.pi(), TASK_ANALYSE_EVIDENCE, Map.of("analysisFindings", "持ち出しの痕跡", "dataLeaked", "YES"));
		ResponseEntity<String> noItem = this.driver.trySubmit(this.driver.taskId(incident.pi(), TASK_SUBMIT_EVIDENCE),
				TASK_SUBMIT_EVIDENCE, Map.of("evidenceSubmittedTo", "法務部", "evidenceSubmittedOn", "2026-11-27"), Map.of());
		assertThat(noItem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noItem.getBody()).contains("no evidence item is registered");
		ResponseEntity<JsonNode> registered = coordinator().postForEntity("/api/incidents/" + incident.id() + "/evidence",
				Map.of("kind", "DISK_IMAGE", "description", "経理部PC-03", "collectedBy", "佐藤 健二", "collectedAt",
						now().minusHours(2).toString(), "location", "本社3階", "sha256", SHA256), JsonNode.class);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(registered.getBody().get("verified").asBoolean()).isTrue();
		return incident;
	}

	private Started monitored() {
		Started incident = atServices(false, false, true, "RECOVERY_FIRST");
		installIds(incident);
		return incident;
	}

	private void installIds(Started incident) {
		this.driver.submit(incident.pi(), TASK_INSTALL_IDS, Map.of("sensorLocation", "本社DMZ", "idsInstalledOn",
				java.time.LocalDate.now(ZoneOffset.ofHours(9)).toString(), "sysadminName", "情シス 鈴木", "sysadminEmail",
				"admin@example.co.jp"));
	}

	/** An incident through the initial investigation and the quote, its services started. */
	private Started atServices(boolean insider, boolean media, boolean monitoring, String policy) {
		JsonNode created = coordinator().postForObject("/api/incidents",
				IncidentLifecycleTests.intake("CORPORATION", "Osaka", insider), JsonNode.class);
		Started incident = new Started(created.get("id").asLong(), created.get("processInstanceId").asText());
		this.driver.runJobs(incident.pi());
		this.driver.submit(incident.pi(), TASK_CONCLUDE_NDA, Map.of("ndaConcluded", true));
		this.driver.submit(incident.pi(), TASK_DISPATCH_RESPONDER, Map.of("responderName", "佐藤 健二", "dispatchMode", "ON_SITE"));
		this.driver.submit(incident.pi(), TASK_INVESTIGATE_ON_SITE, Map.of("situationSummary", "a", "damageFound", "b",
				"interimMeasures", "c", "milestones", "d"));
		this.driver.submit(incident.pi(), TASK_DECIDE_POLICY, Map.of("responsePolicy", policy, "mediaSupportRequested",
				media, "monitoringContracted", monitoring, "monitoringMonths", 3));
		this.driver.submit(incident.pi(), TASK_REVIEW_QUOTE, Map.of("quoteReviewNotes", "確認済み"));
		return incident;
	}

	private ResponseEntity<JsonNode> alert(long incidentId, String signature, String signatureClass, int severity,
			OffsetDateTime occurredAt) {
		return sensor().postForEntity("/api/incidents/" + incidentId + "/alerts",
				alertBody(signature, signatureClass, severity, occurredAt), JsonNode.class);
	}

	private static Map<String, Object> alertBody(String signature, String signatureClass, int severity,
			OffsetDateTime occurredAt) {
		Map<String, Object> body = new HashMap<>();
		body.put("source", "suricata-dmz-01");
		body.put("signature", signature);
		body.put("signatureClass", signatureClass);
		body.put("severity", severity);
		body.put("occurredAt", occurredAt.toString());
		body.put("rawEvent", Map.of("event_type", "alert", "src_ip", "10.0.0.5", "dest_ip", "203.0.113.7"));
		return body;
	}

	private long alertCount(long incidentId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE incident_id = ?").param(incidentId)
			.query(Long.class).single();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.ofHours(9));
	}

	private TestRestTemplate coordinator() {
		return this.anonymous.withBasicAuth("coordinator", "coordinator");
	}

	private TestRestTemplate sensor() {
		return this.anonymous.withBasicAuth("sensor", "sensor");
	}

	private List<MimeMessage> mailTo(String address) throws Exception {
		return EngineRestDriver.mailTo(smtp, address);
	}

	private record Started(long id, String pi) {
	}

}
