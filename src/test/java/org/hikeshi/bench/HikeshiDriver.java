package org.hikeshi.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hikeshi.evidence.CustodyService;
import org.hikeshi.evidence.EvidenceKind;
import org.hikeshi.evidence.RegisterEvidenceRequest;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.IncidentStatus;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.IntakeRequest;
import org.hikeshi.incident.Language;
import org.hikeshi.incident.Prefecture;
import org.hikeshi.incident.ResponsePolicy;

import static org.hikeshi.incident.IncidentProcess.Elements.*;

/**
 * Drives Hikeshi incidents with the Java API a coordinator's Tasklist ends up calling: {@link IncidentService#intake},
 * then every open task completed with {@link FormService#submitTaskForm} and the fields its form declares, the due
 * jobs run in place of the job executor, while the application's outbox poller delivers the mail to the SMTP server. It drives
 * as the system (no authenticated user), so Camunda authorization checks do not apply.
 */
final class HikeshiDriver {

	private static final ZoneOffset JST = ZoneOffset.ofHours(9);

	private final IncidentService incidents;

	private final TaskService tasks;

	private final FormService forms;

	private final ManagementService management;

	private final CustodyService custody;

	/** Where each incident's time goes, job by job and task by task. */
	final StepTimes steps = new StepTimes();

	HikeshiDriver(IncidentService incidents, ProcessEngine engine, CustodyService custody) {
		this.custody = custody;
		this.incidents = incidents;
		this.tasks = engine.getTaskService();
		this.forms = engine.getFormService();
		this.management = engine.getManagementService();
	}

	/** A company's card-data leak, called in just now; nobody inside is suspected. */
	static IntakeRequest intake(int number) {
		OffsetDateTime now = OffsetDateTime.now(JST);
		return new IntakeRequest("株式会社ベンチ商事 " + number, ClientType.CORPORATION, "山田 太郎", "soc" + number + "@example.co.jp",
				"06-1234-5678", Prefecture.OSAKA, now.minusHours(3), now, EnumSet.of(IncidentType.CARD_DATA_LEAK),
				EnumSet.of(DataCategory.SENSITIVE_PERSONAL), "取引先から機密情報が漏洩していると通報があった", false, Language.JA);
	}

	/** Takes one incident in and runs its first steps (the "received" mail): it then waits for the NDA. */
	Incident open(int number) {
		Incident incident = this.steps.time("start (intake)", () -> this.incidents.intake(intake(number)));
		runJobs(incident.processInstanceId());
		return incident;
	}

	/** Concludes the NDA of an incident that waits for it: it then waits for a responder, its SLA timers set. */
	void completeNda(Incident incident) {
		Task nda = this.tasks.createTaskQuery()
			.processInstanceId(incident.processInstanceId())
			.taskDefinitionKey(TASK_CONCLUDE_NDA)
			.singleResult();
		this.forms.submitTaskForm(nda.getId(), Map.of("ndaConcluded", true, "ndaSignedOn", LocalDate.now(JST).toString()));
		runJobs(incident.processInstanceId());
	}

	/** One whole incident, from the call to its close, with the policy given; fails if it does not end closed. */
	void runToClose(int number, ResponsePolicy policy) {
		Incident incident = open(number);
		String processInstanceId = incident.processInstanceId();
		for (int step = 0; step < 100; step++) {
			List<Task> open = this.tasks.createTaskQuery().processInstanceId(processInstanceId).list();
			if (open.isEmpty()) {
				Incident closed = this.incidents.get(incident.id());
				if (closed.status() != IncidentStatus.CLOSED) {
					throw new IllegalStateException(incident.reference() + " ended " + closed.status());
				}
				return;
			}
			for (Task task : open) {
				this.steps.time(StepTimes.task(task.getTaskDefinitionKey()),
						() -> this.forms.submitTaskForm(task.getId(), answers(this.tasks, task, policy)));
				if (TASK_PRESERVE_EVIDENCE.equals(task.getTaskDefinitionKey())) {
					// the responder registers what was preserved (POST /api/incidents/{id}/evidence)
					this.custody.register(incident.id(), new RegisterEvidenceRequest(EvidenceKind.DISK_IMAGE,
							"経理部PC-03のディスクイメージ", "佐藤 健二", OffsetDateTime.now(JST).minusMinutes(5), "本社3階 経理部",
							"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), "coordinator");
				}
			}
			runJobs(processInstanceId);
		}
		throw new IllegalStateException(incident.reference() + " did not end in 100 steps");
	}

	/** The incident's due jobs until none is left (the application's outbox poller sends the mail they queue). */
	void runJobs(String processInstanceId) {
		for (int round = 0; round < 50; round++) {
			List<Job> due = this.management.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.listPage(0, 100);
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> this.steps.time(this.steps.job(this.management, job), () -> this.management.executeJob(job.getId())));
		}
		throw new IllegalStateException("jobs of " + processInstanceId + " keep coming");
	}

	/**
	 * What a coordinator enters in the task's form (the fields of {@code forms/*.form}); the baseline that runs
	 * Hikeshi's diagram ({@link DiagramBaseline}) enters the same.
	 */
	static Map<String, Object> answers(TaskService tasks, Task task, ResponsePolicy policy) {
		String now = OffsetDateTime.now(JST).withNano(0).toString();
		String today = LocalDate.now(JST).toString();
		Map<String, Object> values = new HashMap<>();
		switch (task.getTaskDefinitionKey()) {
			case TASK_CONCLUDE_NDA -> {
				values.put("ndaConcluded", true);
				values.put("ndaSignedOn", today);
			}
			case TASK_DISPATCH_RESPONDER -> {
				values.put("responderName", "佐藤 健二");
				values.put("responderUserId", "coordinator");
				values.put("dispatchMode", "ON_SITE");
			}
			case TASK_INVESTIGATE_ON_SITE -> {
				values.put("situationSummary", "ファイルサーバの暗号化を確認");
				values.put("damageFound", "共有フォルダ全体");
				values.put("interimMeasures", "LAN抜線");
				values.put("milestones", "翌日に証拠保全");
			}
			case TASK_DECIDE_POLICY -> {
				values.put("responsePolicy", policy.name());
				values.put("mediaSupportRequested", true);
				values.put("monitoringContracted", true);
				values.put("monitoringMonths", 3);
			}
			case TASK_REVIEW_QUOTE -> values.put("quoteReviewNotes", "確認済み");
			case TASK_INVESTIGATE_TERMINALS -> {
				values.put("terminalsInvestigated", 12);
				values.put("infectedTerminals", "経理部PC-03");
			}
			case TASK_REMOVE_MALWARE -> {
				values.put("malwareIdentified", "Emotet");
				values.put("removalSummary", "駆除ツールで除去");
			}
			case TASK_RESTORE_FROM_BACKUP -> {
				values.put("backupDate", today);
				values.put("restoreSummary", "前日のバックアップから復元");
			}
			case TASK_PRESERVE_EVIDENCE -> values.put("evidenceCollected", "PC 3台のディスクイメージ");
			case TASK_ANALYSE_EVIDENCE -> {
				values.put("analysisFindings", "USBメモリへの持ち出し");
				values.put("dataLeaked", "YES");
			}
			case TASK_SUBMIT_EVIDENCE -> {
				values.put("evidenceSubmittedTo", "法務部");
				values.put("evidenceSubmittedOn", today);
			}
			case TASK_PROPOSE_COUNTERMEASURES -> {
				values.put("rootCause", "権限管理の不備");
				values.put("risks", "再発の可能性");
				values.put("countermeasures", "USB利用の制限");
			}
			case TASK_HOLD_DEBRIEF -> {
				values.put("debriefHeldOn", today);
				values.put("debriefAttendees", "社長、総務部長");
			}
			case TASK_ASSESS_REPORTING_DUTIES -> {
				values.put("awareAt", OffsetDateTime.now(JST).minusHours(3).withNano(0).toString());
				values.put("personalDataLeak", true);
				values.put("unauthorizedAccess", false);
				values.put("affectedPeople", 1200);
				values.put("euDataSubjects", false);
				values.put("policeReportRequested", true);
				values.put("ministryReportRequested", false);
			}
			case TASK_SET_UP_HEADQUARTERS -> {
				values.put("headquartersHead", "代表取締役");
				values.put("headquartersMembers", "総務部長、情報システム部長");
				values.put("headquartersSetUpOn", today);
			}
			case TASK_SET_UP_INQUIRY_DESK -> {
				values.put("inquiryDeskPhone", "0120-000-000");
				values.put("inquiryDeskHours", "平日 9:00-18:00");
				values.put("inquiryDeskOpenedOn", today);
			}
			case TASK_EDIT_APOLOGY_AND_QA -> {
				values.put("apologyLetter", tasks.getVariable(task.getId(), "apologyLetter") + "\n（確認済み）");
				values.put("qaSet", "Q1. 何が起きたのですか。\nA1. 調査中です。");
			}
			case TASK_FILE_AUTHORITY_REPORT -> {
				values.put("ppcOverview", "社内PCからの持ち出し");
				values.put("authorityReportFiledAt", now);
			}
			case TASK_REPORT_TO_POLICE -> {
				values.put("policeStation", "大阪府警 サイバー犯罪対策課");
				values.put("policeReportedOn", today);
			}
			case TASK_HANDLE_MEDIA -> {
				values.put("mediaNotes", "謝罪文とQ&Aを公表");
				values.put("mediaSupportProvided",
						SpinValues.jsonValue("[\"APOLOGY_LETTER\",\"QA_SET\",\"PPC_REPORT\",\"POLICE_REPORT\"]").create());
			}
			case TASK_INSTALL_IDS -> {
				values.put("sensorLocation", "本社DMZ");
				values.put("idsInstalledOn", today);
				values.put("sysadminName", "情シス 鈴木");
				values.put("sysadminEmail", "admin@example.co.jp");
			}
			case TASK_SUPPORT_RECOVERY -> values.put("recoverySummary", "業務端末を再構築");
			case TASK_STRENGTHEN_SECURITY -> values.put("hardeningSummary", "DLPを導入");
			case TASK_TRAIN_EMPLOYEES -> values.put("trainingSummary", "全社員向け研修");
			case TASK_MANAGE_MONITORING -> {
				values.put("monitoringAction", "END_EARLY");
				values.put("monitoringActionReason", "お客様のご要望により終了");
			}
			case TASK_CONCLUDE_MONITORING -> {
				values.put("alertsDetected", 0);
				values.put("monitoringSummary", "検知なし");
			}
			default -> throw new IllegalStateException("the benchmark has no answers for " + task.getTaskDefinitionKey());
		}
		return values;
	}

}
