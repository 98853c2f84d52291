package org.hikeshi.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.hikeshi.support.DeadlineRules;
import org.hikeshi.support.ReportingAssessment;
import org.mockito.InOrder;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.hikeshi.incident.IncidentProcess.Elements.*;
import static org.hikeshi.incident.IncidentProcess.Variables.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Every path of {@code incident-response} on an in-memory engine, with the delegates mocked: the process alone.
 * Asynchronous steps and timers are run explicitly (no job executor). The class asserts the coverage of the
 * diagram and writes its report under {@code target/process-test-coverage}.
 */
@Deployment(resources = { "incident-response.bpmn", "analyse-evidence.form", "conclude-monitoring.form",
		"conclude-nda.form", "decide-policy.form", "dispatch-responder.form", "handle-media.form", "hold-debrief.form",
		"install-ids.form", "intake.form", "investigate-on-site.form", "investigate-terminals.form",
		"preserve-evidence-with-witness.form", "preserve-evidence.form", "propose-countermeasures.form",
		"remove-malware.form", "restore-from-backup.form", "review-quote.form", "strengthen-security.form",
		"submit-evidence.form", "support-recovery.form", "train-employees.form", "manage-monitoring.form",
		"analyse-alert.form", "assess-reporting-duties.form", "set-up-headquarters.form", "set-up-inquiry-desk.form",
		"edit-apology-and-qa.form", "file-authority-report.form", "report-to-police.form", "report-to-ministry.form" })
class IncidentProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(configuration())
		.assertClassCoverageAtLeast(0.95)
		.build();

	private static final Instant CONTACT = Instant.parse("2026-11-20T01:00:00Z");

	private final Map<String, JavaDelegate> delegates = new HashMap<>();

	private final ExecutionListener phaseListener = mock(ExecutionListener.class);

	private static final Instant MONITORING_START = CONTACT.plus(Duration.ofDays(3));

	/** When the client became aware of the leak, in the support tests. */
	private static final Instant AWARE = CONTACT.minus(Duration.ofHours(6));

	private List<DeadlineRules.Scheduled> deadlines = List.of();

	static ProcessCoverageInMemProcessEngineConfiguration configuration() {
		ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("incident-process-tests"); // not "default": the Spring app's engine keeps that name
		configuration.setJdbcUrl("jdbc:h2:mem:incident-process-tests;DB_CLOSE_DELAY=1000");
		configuration.setExpressionManager(new MockExpressionManager());
		configuration.setEnforceHistoryTimeToLive(true);
		configuration.setJobExecutorActivate(false);
		return configuration;
	}

	@BeforeEach
	void registerMocks() {
		// other test classes may have started the application's engine in this JVM: assert against ours
		BpmnAwareTests.init(extension.getProcessEngine());
		ClockUtil.setCurrentTime(Date.from(CONTACT.plus(Duration.ofMinutes(5))));
		for (String bean : List.of("registerIncidentDelegate", "notifyIndividualReferralDelegate",
				"notifyIncidentReceivedDelegate", "declineEngagementDelegate", "notifyNdaDeclinedDelegate",
				"notifyDispatchSlaWarningDelegate", "recordDispatchSlaBreachDelegate", "notifyDispatchSlaBreachDelegate",
				"recordDispatchDelegate", "notifyResponderDispatchedDelegate", "createInitialReportDelegate",
				"notifyInitialReportDelegate", "recordPolicyDelegate", "prepareQuoteDelegate", "sendQuoteDelegate",
				"createFullReportDelegate", "notifyFullReportDelegate", "createFinalReportDelegate",
				"issueInvoiceDelegate", "notifyIncidentClosedDelegate", "closeIncidentDelegate",
				"endMonitoringDelegate", "createMonitoringReportDelegate", "notifyAlertDelegate",
				"notifyAlertOverdueDelegate", "recordAlertAssessmentDelegate", "saveSupportDraftsDelegate",
				"notifyAuthorityDeadlineWarningDelegate", "recordAuthorityDeadlineMissedDelegate",
				"notifyAuthorityDeadlineMissedDelegate", "recordAuthorityReportFiledDelegate",
				"recordEvidenceSubmissionDelegate")) {
			JavaDelegate delegate = mock(JavaDelegate.class);
			this.delegates.put(bean, delegate);
			Mocks.register(bean, delegate);
		}
		Mocks.register("phaseListener", this.phaseListener);
		// the delegates that give the process its timer values do what the real ones do, with the real rules
		Mocks.register("startMonitoringDelegate", (JavaDelegate) execution -> {
			execution.setVariable(MONITORING_ENDS_AT, Date.from(MONITORING_START.plus(Duration.ofDays(90))));
			execution.setVariable(MONITORING_REPORT_CYCLE,
					org.hikeshi.monitoring.MonitoringSchedule.monthlyReportCycle(MONITORING_START));
		});
		Mocks.register("extendMonitoringDelegate", (JavaDelegate) execution -> execution.setVariable(MONITORING_ENDS_AT,
				Date.from(((Date) execution.getVariable(MONITORING_ENDS_AT)).toInstant().plus(Duration.ofDays(30)))));
		Mocks.register("draftSupportDocumentsDelegate", (JavaDelegate) execution -> {
			this.deadlines = DeadlineRules.schedule(new ReportingAssessment(
					ProcessVariables.dateTime(execution, AWARE_AT).toInstant(),
					ProcessVariables.flag(execution, PERSONAL_DATA_LEAK), ProcessVariables.flag(execution, UNAUTHORIZED_ACCESS),
					ProcessVariables.flag(execution, EU_DATA_SUBJECTS), null, Set.of(DataCategory.SENSITIVE_PERSONAL),
					Set.of(IncidentType.RANSOMWARE)));
			execution.setVariable(AUTHORITY_REPORTS_DUE, !this.deadlines.isEmpty());
			execution.setVariable(AUTHORITY_DEADLINE_COUNT, this.deadlines.size());
			execution.setVariable(POLICE_REPORT_REQUESTED, ProcessVariables.flag(execution, POLICE_REPORT_REQUESTED));
			execution.setVariable(MINISTRY_REPORT_REQUESTED, ProcessVariables.flag(execution, MINISTRY_REPORT_REQUESTED));
		});
		Mocks.register("openAuthorityDeadlineDelegate", (JavaDelegate) execution -> {
			int index = ((Number) execution.getVariable("loopCounter")).intValue();
			DeadlineRules.Scheduled deadline = this.deadlines.get(index);
			execution.setVariableLocal(AUTHORITY_DEADLINE_ID, (long) index + 1);
			execution.setVariableLocal(AUTHORITY_DEADLINE_NAME, deadline.kind().name());
			execution.setVariableLocal(AUTHORITY_DEADLINE_DUE_AT, Date.from(deadline.dueAt()));
			execution.setVariableLocal(AUTHORITY_DEADLINE_WARNING_AT, Date.from(deadline.warningAt()));
		});
	}

	@AfterEach
	void reset() {
		BpmnAwareTests.reset();
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void shouldReferIndividualsToIpaAndPolice() throws Exception {
		ProcessInstance instance = startProcess(ClientType.INDIVIDUAL, false);

		runAsyncSteps();

		assertThat(instance).hasPassed(TASK_REGISTER_INCIDENT, TASK_NOTIFY_INDIVIDUAL_REFERRAL)
			.hasNotPassed(TASK_NOTIFY_INCIDENT_RECEIVED)
			.isEnded();
		assertThat(instance).hasPassed(END_INDIVIDUAL_REFERRED);
		verify(delegate("notifyIndividualReferralDelegate")).execute(any());
	}

	@Test
	void shouldDeclineEngagementWithoutNda() throws Exception {
		ProcessInstance instance = startOrganisationUpToNda(false);

		complete(task(TASK_CONCLUDE_NDA, instance), withVariables(NDA_CONCLUDED, false));
		runAsyncSteps();

		assertThat(instance).hasPassed(TASK_DECLINE_ENGAGEMENT, END_ENGAGEMENT_DECLINED)
			.hasNotPassed(SUBPROCESS_INITIAL_INVESTIGATION)
			.isEnded();
		verify(delegate("notifyNdaDeclinedDelegate")).execute(any());
	}

	@Test
	void shouldStartNoInvestigationTaskBeforeNda() {
		ProcessInstance instance = startOrganisationUpToNda(false);

		assertOpenTasks(instance, TASK_CONCLUDE_NDA);
		assertThat(task(TASK_CONCLUDE_NDA, instance)).hasCandidateGroup(IncidentProcess.Groups.COORDINATORS)
			.hasCandidateGroup(IncidentProcess.Groups.MANAGERS);
	}

	@Test
	void shouldRunRecoveryFirstWithoutMonitoringOrMediaSupport() throws Exception {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);

		decidePolicy(instance, ResponsePolicy.RECOVERY_FIRST, false, false);
		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS);
		completeTask(instance, TASK_INVESTIGATE_TERMINALS);
		completeTask(instance, TASK_REMOVE_MALWARE);
		completeTask(instance, TASK_RESTORE_FROM_BACKUP);
		finishInvestigationAndFollowUp(instance);

		assertThat(instance).hasNotPassed(TASK_PRESERVE_EVIDENCE, TASK_INSTALL_IDS, TASK_HANDLE_MEDIA)
			.hasPassed(END_INCIDENT_CLOSED)
			.isEnded();
		InOrder order = inOrder(delegate("createFinalReportDelegate"), delegate("issueInvoiceDelegate"),
				delegate("notifyIncidentClosedDelegate"), delegate("closeIncidentDelegate"));
		order.verify(delegate("createFinalReportDelegate")).execute(any());
		order.verify(delegate("issueInvoiceDelegate")).execute(any());
		order.verify(delegate("notifyIncidentClosedDelegate")).execute(any());
		order.verify(delegate("closeIncidentDelegate")).execute(any());
	}

	@Test
	void shouldRunEvidenceFirstWithAWitnessWhenAnInsiderIsSuspected() throws Exception {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(true);

		decidePolicy(instance, ResponsePolicy.EVIDENCE_FIRST, true, true);
		assertThat(instance).isWaitingAt(TASK_PRESERVE_EVIDENCE_WITH_WITNESS, TASK_ASSESS_REPORTING_DUTIES,
				TASK_INSTALL_IDS);
		completeTask(instance, TASK_PRESERVE_EVIDENCE_WITH_WITNESS);
		completeTask(instance, TASK_ANALYSE_EVIDENCE);
		completeTask(instance, TASK_SUBMIT_EVIDENCE);
		assertThat(instance).hasPassed(TASK_RECORD_EVIDENCE_SUBMISSION);
		completeSupportWithoutReports(instance);
		installIds(instance);
		finishInvestigationAndFollowUp(instance);

		// monitoring still runs: the incident stays open until the period is over and concluded
		assertOpenTasks(instance, TASK_MANAGE_MONITORING);
		ClockUtil.setCurrentTime(Date.from(MONITORING_START.plus(Duration.ofDays(90))));
		execute(timer(instance, TIMER_MONITORING_PERIOD_OVER));
		runAsyncSteps();
		assertThat(instance).hasPassed(END_MONITORING_PERIOD_OVER, TASK_END_MONITORING,
				TASK_CREATE_CLOSING_MONITORING_REPORT);
		completeTask(instance, TASK_CONCLUDE_MONITORING);
		runAsyncSteps();

		assertThat(instance).hasPassed(TASK_PRESERVE_EVIDENCE_WITH_WITNESS, SUBPROCESS_MONITORING, TASK_HANDLE_MEDIA)
			.hasNotPassed(TASK_PRESERVE_EVIDENCE, TASK_INVESTIGATE_TERMINALS)
			.isEnded();
	}

	@Test
	void shouldRunEvidenceFirstWithMediaSupportOnly() throws Exception {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);

		decidePolicy(instance, ResponsePolicy.EVIDENCE_FIRST, true, false);
		assertThat(instance).isWaitingAt(TASK_PRESERVE_EVIDENCE, TASK_ASSESS_REPORTING_DUTIES);
		completeTask(instance, TASK_PRESERVE_EVIDENCE);
		completeTask(instance, TASK_ANALYSE_EVIDENCE);
		completeTask(instance, TASK_SUBMIT_EVIDENCE);
		finishInvestigationAndFollowUp(instance);
		// the support branch is still open
		assertOpenTasks(instance, TASK_ASSESS_REPORTING_DUTIES);
		completeSupportWithoutReports(instance);
		runAsyncSteps();

		assertThat(instance).hasNotPassed(TASK_PRESERVE_EVIDENCE_WITH_WITNESS, SUBPROCESS_MONITORING).isEnded();
	}

	@Test
	void shouldRunRecoveryFirstWithMonitoringOnly() throws Exception {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);

		decidePolicy(instance, ResponsePolicy.RECOVERY_FIRST, false, true);
		assertThat(instance).isWaitingAt(TASK_INVESTIGATE_TERMINALS, TASK_INSTALL_IDS);
		installIds(instance);
		endMonitoringEarly(instance);
		completeTask(instance, TASK_CONCLUDE_MONITORING);
		completeTask(instance, TASK_INVESTIGATE_TERMINALS);
		completeTask(instance, TASK_REMOVE_MALWARE);
		completeTask(instance, TASK_RESTORE_FROM_BACKUP);
		finishInvestigationAndFollowUp(instance);

		assertThat(instance).hasPassed(SUBPROCESS_MONITORING).hasNotPassed(TASK_HANDLE_MEDIA).isEnded();
	}

	@Test
	void shouldTimeTheDispatchSlaFromTheCallNotFromTheTask() throws Exception {
		ProcessInstance instance = startOrganisationUpToNda(false);
		// the NDA takes 10 hours: the SLA timers still count from the call
		ClockUtil.setCurrentTime(Date.from(CONTACT.plus(Duration.ofHours(10))));
		complete(task(TASK_CONCLUDE_NDA, instance), withVariables(NDA_CONCLUDED, true));

		assertThat(instance).isWaitingAt(TASK_DISPATCH_RESPONDER);
		Assertions.assertThat(timer(instance, TIMER_DISPATCH_SLA_WARNING).getDuedate())
			.isEqualTo(Date.from(CONTACT.plus(Duration.ofHours(20))));
		Assertions.assertThat(timer(instance, TIMER_DISPATCH_SLA_BREACHED).getDuedate())
			.isEqualTo(Date.from(CONTACT.plus(Duration.ofHours(24))));
		Assertions.assertThat(task(TASK_DISPATCH_RESPONDER, instance).getDueDate())
			.isEqualTo(Date.from(CONTACT.plus(Duration.ofHours(24))));
	}

	@Test
	void shouldWarnManagersAt20HoursAndStillWaitForTheDispatch() throws Exception {
		ProcessInstance instance = startOrganisationUpToNda(false);
		complete(task(TASK_CONCLUDE_NDA, instance), withVariables(NDA_CONCLUDED, true));

		ClockUtil.setCurrentTime(Date.from(CONTACT.plus(Duration.ofHours(20))));
		execute(timer(instance, TIMER_DISPATCH_SLA_WARNING));
		runAsyncSteps();

		assertThat(instance).hasPassed(TASK_NOTIFY_DISPATCH_SLA_WARNING).isWaitingAt(TASK_DISPATCH_RESPONDER);
		verify(delegate("notifyDispatchSlaWarningDelegate")).execute(any());
		verify(delegate("recordDispatchSlaBreachDelegate"), never()).execute(any());

		completeTask(instance, TASK_DISPATCH_RESPONDER);
		Assertions.assertThat(jobQuery().activityId(TIMER_DISPATCH_SLA_BREACHED).count()).isZero();
		verify(delegate("recordDispatchDelegate")).execute(any());
	}

	@Test
	void shouldRecordTheBreachAndEscalateAt24Hours() throws Exception {
		ProcessInstance instance = startOrganisationUpToNda(false);
		complete(task(TASK_CONCLUDE_NDA, instance), withVariables(NDA_CONCLUDED, true));

		ClockUtil.setCurrentTime(Date.from(CONTACT.plus(Duration.ofHours(24))));
		execute(timer(instance, TIMER_DISPATCH_SLA_WARNING));
		execute(timer(instance, TIMER_DISPATCH_SLA_BREACHED));
		runAsyncSteps();

		assertThat(instance).hasPassed(TASK_RECORD_DISPATCH_SLA_BREACH, TASK_NOTIFY_DISPATCH_SLA_BREACH)
			.isWaitingAt(TASK_DISPATCH_RESPONDER);
		assertOpenTasks(instance, TASK_DISPATCH_RESPONDER);
		verify(delegate("recordDispatchSlaBreachDelegate"), times(1)).execute(any());
		verify(delegate("notifyDispatchSlaBreachDelegate"), times(1)).execute(any());

		// the responder still goes; the incident goes on
		completeTask(instance, TASK_DISPATCH_RESPONDER);
		runAsyncSteps();
		assertOpenTasks(instance, TASK_INVESTIGATE_ON_SITE);
	}

	@Test
	void shouldRecordEachPhaseAsItIsEntered() throws Exception {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);
		decidePolicy(instance, ResponsePolicy.RECOVERY_FIRST, false, false);

		// initial investigation, policy decision, full investigation
		verify(this.phaseListener, times(3)).notify(any());
		assertThat(instance).isWaitingAt(TASK_INVESTIGATE_TERMINALS);
	}

	// --- unauthorized-access monitoring

	@Test
	void shouldStartAnAnalystTaskWithAOneHourTimerForACriticalAlertAndMailTheAdministrator() throws Exception {
		ProcessInstance instance = startMonitoring();
		Instant received = MONITORING_START.plus(Duration.ofDays(2));
		ClockUtil.setCurrentTime(Date.from(received));

		raiseAlert(instance, 7L, "ET TROJAN Cobalt Strike Beacon", received);

		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS, TASK_MANAGE_MONITORING, TASK_ANALYSE_ALERT);
		org.camunda.bpm.engine.task.Task analyse = task(TASK_ANALYSE_ALERT, instance);
		Assertions.assertThat(analyse.getDueDate()).isEqualTo(Date.from(received.plus(Duration.ofHours(1))));
		Assertions.assertThat(timer(instance, TIMER_ALERT_ANALYSIS_OVERDUE).getDuedate())
			.isEqualTo(Date.from(received.plus(Duration.ofHours(1))));
		Assertions.assertThat(taskService().getVariable(analyse.getId(), ALERT_SIGNATURE))
			.isEqualTo("ET TROJAN Cobalt Strike Beacon");
		runAsyncSteps();
		verify(delegate("notifyAlertDelegate")).execute(any());

		complete(analyse, withVariables(ALERT_VERDICT, "TRUE_POSITIVE", ALERT_ACTION_TAKEN, "端末を隔離"));
		verify(delegate("recordAlertAssessmentDelegate")).execute(any());
		Assertions.assertThat(jobQuery().activityId(TIMER_ALERT_ANALYSIS_OVERDUE).count()).isZero();
		verify(delegate("notifyAlertOverdueDelegate"), never()).execute(any());
		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS, TASK_MANAGE_MONITORING);
	}

	@Test
	void shouldEscalateToManagersWhenNobodyAnalysedTheAlertWithinTheHour() throws Exception {
		ProcessInstance instance = startMonitoring();
		Instant received = MONITORING_START.plus(Duration.ofDays(2));
		raiseAlert(instance, 7L, "ET EXPLOIT Log4Shell", received);

		ClockUtil.setCurrentTime(Date.from(received.plus(Duration.ofHours(1))));
		execute(timer(instance, TIMER_ALERT_ANALYSIS_OVERDUE));
		runAsyncSteps();

		verify(delegate("notifyAlertOverdueDelegate")).execute(any());
		assertThat(instance).hasPassed(END_ALERT_ESCALATED);
		// the analyst still has to look at it
		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS, TASK_MANAGE_MONITORING, TASK_ANALYSE_ALERT);
	}

	@Test
	void shouldGiveEachCorrelatedAlertItsOwnTask() {
		ProcessInstance instance = startMonitoring();
		Instant received = MONITORING_START.plus(Duration.ofDays(2));

		raiseAlert(instance, 7L, "ET TROJAN Cobalt Strike Beacon", received);
		raiseAlert(instance, 8L, "ET EXFIL DNS tunnel", received.plusSeconds(30));

		List<org.camunda.bpm.engine.task.Task> analyses = taskService().createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_ANALYSE_ALERT)
			.list();
		Assertions.assertThat(analyses).extracting(t -> taskService().getVariable(t.getId(), ALERT_ID))
			.containsExactlyInAnyOrder(7L, 8L);
		Assertions.assertThat(analyses).extracting(t -> taskService().getVariable(t.getId(), ALERT_SIGNATURE))
			.containsExactlyInAnyOrder("ET TROJAN Cobalt Strike Beacon", "ET EXFIL DNS tunnel");
	}

	@Test
	void shouldAcceptNoAlertOnceTheMonitoringPeriodIsOver() throws Exception {
		ProcessInstance instance = startMonitoring();
		Assertions.assertThat(timer(instance, TIMER_MONITORING_PERIOD_OVER).getDuedate())
			.isEqualTo(Date.from(MONITORING_START.plus(Duration.ofDays(90))));

		ClockUtil.setCurrentTime(Date.from(MONITORING_START.plus(Duration.ofDays(90))));
		execute(timer(instance, TIMER_MONITORING_PERIOD_OVER));
		runAsyncSteps();

		assertThat(instance).hasPassed(END_MONITORING_PERIOD_OVER, TASK_END_MONITORING)
			.hasNotPassed(END_MONITORING_ENDED_EARLY);
		verify(delegate("createMonitoringReportDelegate")).execute(any());
		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS, TASK_CONCLUDE_MONITORING);
		Instant late = MONITORING_START.plus(Duration.ofDays(91));
		Assertions.assertThatThrownBy(() -> raiseAlert(instance, 9L, "ET TROJAN late", late))
			.isInstanceOf(MismatchingMessageCorrelationException.class);
		Assertions.assertThat(jobQuery().activityId(START_MONTHLY_REPORT_DUE).count()).isZero();
	}

	@Test
	void shouldExtendTheMonitoringPeriodAndWaitForTheNewEnd() throws Exception {
		ProcessInstance instance = startMonitoring();

		complete(task(TASK_MANAGE_MONITORING, instance), withVariables(MONITORING_ACTION, "EXTEND",
				MONITORING_EXTENSION_MONTHS, 1, MONITORING_ACTION_REASON, "お客様のご要望"));

		assertThat(instance).hasPassed(TASK_EXTEND_MONITORING).isWaitingAt(TASK_MANAGE_MONITORING);
		Date newEnd = Date.from(MONITORING_START.plus(Duration.ofDays(120)));
		Assertions.assertThat(timer(instance, TIMER_MONITORING_PERIOD_OVER).getDuedate()).isEqualTo(newEnd);
		Assertions.assertThat(task(TASK_MANAGE_MONITORING, instance).getDueDate()).isEqualTo(newEnd);
		verify(delegate("endMonitoringDelegate"), never()).execute(any());
	}

	@Test
	void shouldReportTheMonitoringEveryMonthUntilItEnds() throws Exception {
		ProcessInstance instance = startMonitoring();
		java.time.ZonedDateTime start = MONITORING_START.atZone(java.time.ZoneId.of("Asia/Tokyo"));
		Job monthly = timer(instance, START_MONTHLY_REPORT_DUE);
		Assertions.assertThat(monthly.getDuedate()).isEqualTo(Date.from(start.plusMonths(1).toInstant()));

		ClockUtil.setCurrentTime(monthly.getDuedate());
		execute(monthly);
		runAsyncSteps();

		verify(delegate("createMonitoringReportDelegate"), times(1)).execute(any());
		assertThat(instance).hasPassed(TASK_CREATE_MONTHLY_MONITORING_REPORT);
		Assertions.assertThat(timer(instance, START_MONTHLY_REPORT_DUE).getDuedate())
			.isEqualTo(Date.from(start.plusMonths(2).toInstant()));
		endMonitoringEarly(instance);
		Assertions.assertThat(jobQuery().activityId(START_MONTHLY_REPORT_DUE).count()).isZero();
		verify(delegate("createMonitoringReportDelegate"), times(2)).execute(any());
	}

	// --- authority report deadlines

	@Test
	void shouldMeetThePreliminaryAndFinalReportDeadlinesWithoutWarnings() throws Exception {
		ProcessInstance instance = startSupport();
		assess(instance, true, false, false, false, false);

		Assertions.assertThat(fileTasks(instance)).containsOnlyKeys("PPC_PRELIMINARY", "PPC_FINAL");
		assertDeadline(instance, "PPC_PRELIMINARY", AWARE.plus(Duration.ofDays(3)), AWARE.plus(Duration.ofDays(5)));
		assertDeadline(instance, "PPC_FINAL", AWARE.plus(Duration.ofDays(23)), AWARE.plus(Duration.ofDays(30)));
		ClockUtil.setCurrentTime(Date.from(AWARE.plus(Duration.ofDays(2))));
		fileReport(instance, "PPC_PRELIMINARY");
		fileReport(instance, "PPC_FINAL");

		verify(delegate("recordAuthorityReportFiledDelegate"), times(2)).execute(any());
		verify(delegate("notifyAuthorityDeadlineWarningDelegate"), never()).execute(any());
		verify(delegate("recordAuthorityDeadlineMissedDelegate"), never()).execute(any());
		Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).activityId(TIMER_AUTHORITY_DEADLINE_MISSED).count())
			.isZero();
		finishSupportTasks(instance);
		assertThat(instance).hasPassed(SUBPROCESS_AUTHORITY_DEADLINE, TASK_HANDLE_MEDIA);
	}

	@Test
	void shouldWarnAtThreeDaysAndStillWaitForThePreliminaryReport() throws Exception {
		ProcessInstance instance = startSupport();
		assess(instance, true, false, false, false, false);

		ClockUtil.setCurrentTime(Date.from(AWARE.plus(Duration.ofDays(3))));
		execute(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_WARNING, "PPC_PRELIMINARY"));
		runAsyncSteps();

		verify(delegate("notifyAuthorityDeadlineWarningDelegate"), times(1)).execute(any());
		verify(delegate("recordAuthorityDeadlineMissedDelegate"), never()).execute(any());
		assertThat(instance).hasPassed(END_AUTHORITY_DEADLINE_WARNED);
		Assertions.assertThat(fileTasks(instance)).containsOnlyKeys("PPC_PRELIMINARY", "PPC_FINAL");
		Assertions.assertThat(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_MISSED, "PPC_PRELIMINARY")).isNotNull();
	}

	@Test
	void shouldRecordAndEscalateAMissedDeadlineAndStillTakeTheLateReport() throws Exception {
		ProcessInstance instance = startSupport();
		assess(instance, true, false, false, false, false);

		ClockUtil.setCurrentTime(Date.from(AWARE.plus(Duration.ofDays(5))));
		execute(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_WARNING, "PPC_PRELIMINARY"));
		execute(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_MISSED, "PPC_PRELIMINARY"));
		runAsyncSteps();

		verify(delegate("recordAuthorityDeadlineMissedDelegate"), times(1)).execute(any());
		verify(delegate("notifyAuthorityDeadlineMissedDelegate"), times(1)).execute(any());
		assertThat(instance).hasPassed(END_AUTHORITY_DEADLINE_ESCALATED);
		Assertions.assertThat(fileTasks(instance)).containsKey("PPC_PRELIMINARY");
		fileReport(instance, "PPC_PRELIMINARY");
		verify(delegate("recordAuthorityReportFiledDelegate"), times(1)).execute(any());
		Assertions.assertThat(fileTasks(instance)).containsOnlyKeys("PPC_FINAL");
	}

	@Test
	void shouldGiveTheFinalReport60DaysWhenTheLeakMayComeFromUnauthorizedAccess() {
		ProcessInstance instance = startSupport();
		assess(instance, true, true, false, false, false);

		assertDeadline(instance, "PPC_PRELIMINARY", AWARE.plus(Duration.ofDays(3)), AWARE.plus(Duration.ofDays(5)));
		assertDeadline(instance, "PPC_FINAL", AWARE.plus(Duration.ofDays(53)), AWARE.plus(Duration.ofDays(60)));
	}

	@Test
	void shouldGiveTheSupervisoryAuthority72HoursUnderTheGdpr() throws Exception {
		ProcessInstance instance = startSupport();
		assess(instance, true, false, true, false, false);

		Assertions.assertThat(fileTasks(instance)).containsOnlyKeys("PPC_PRELIMINARY", "PPC_FINAL", "GDPR");
		assertDeadline(instance, "GDPR", AWARE.plus(Duration.ofHours(48)), AWARE.plus(Duration.ofHours(72)));
		ClockUtil.setCurrentTime(Date.from(AWARE.plus(Duration.ofHours(72))));
		execute(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_MISSED, "GDPR"));
		runAsyncSteps();
		verify(delegate("notifyAuthorityDeadlineMissedDelegate"), times(1)).execute(any());
	}

	@Test
	void shouldOpenNoDeadlineWithoutALeakAndAskForThePoliceAndMinistryReportsWhenWanted() throws Exception {
		ProcessInstance instance = startSupport();
		assess(instance, false, false, false, true, true);

		Assertions.assertThat(fileTasks(instance)).isEmpty();
		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS, TASK_SET_UP_HEADQUARTERS, TASK_SET_UP_INQUIRY_DESK,
				TASK_EDIT_APOLOGY_AND_QA, TASK_REPORT_TO_POLICE);
		completeTask(instance, TASK_REPORT_TO_POLICE);
		completeTask(instance, TASK_REPORT_TO_MINISTRY);
		finishSupportTasks(instance);
		assertThat(instance).hasNotPassed(SUBPROCESS_AUTHORITY_DEADLINE).hasPassed(TASK_HANDLE_MEDIA);
	}

	// --- helpers

	private ProcessInstance startProcess(ClientType clientType, boolean insiderSuspected) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(INCIDENT_ID, 42L);
		variables.put(CLIENT_TYPE, clientType.name());
		variables.put(INSIDER_SUSPECTED, insiderSuspected);
		variables.put(DISPATCH_SLA_WARNING_AT, Date.from(CONTACT.plus(Duration.ofHours(20))));
		variables.put(DISPATCH_DUE_AT, Date.from(CONTACT.plus(Duration.ofHours(24))));
		return runtimeService().startProcessInstanceByKey(IncidentProcess.PROCESS_KEY, variables);
	}

	private ProcessInstance startOrganisationUpToNda(boolean insiderSuspected) {
		ProcessInstance instance = startProcess(ClientType.CORPORATION, insiderSuspected);
		runAsyncSteps();
		assertThat(instance).hasPassed(TASK_NOTIFY_INCIDENT_RECEIVED);
		assertOpenTasks(instance, TASK_CONCLUDE_NDA);
		return instance;
	}

	private ProcessInstance startOrganisationThroughInitialInvestigation(boolean insiderSuspected) {
		ProcessInstance instance = startOrganisationUpToNda(insiderSuspected);
		complete(task(TASK_CONCLUDE_NDA, instance), withVariables(NDA_CONCLUDED, true));
		completeTask(instance, TASK_DISPATCH_RESPONDER);
		completeTask(instance, TASK_INVESTIGATE_ON_SITE);
		assertThat(instance).hasPassed(TASK_CREATE_INITIAL_REPORT, TASK_NOTIFY_INITIAL_REPORT);
		assertOpenTasks(instance, TASK_DECIDE_POLICY);
		return instance;
	}

	private void decidePolicy(ProcessInstance instance, ResponsePolicy policy, boolean media, boolean monitoring) {
		complete(task(TASK_DECIDE_POLICY, instance), withVariables(RESPONSE_POLICY, policy.name(),
				MEDIA_SUPPORT_REQUESTED, media, MONITORING_CONTRACTED, monitoring));
		runAsyncSteps();
		assertThat(instance).hasPassed(TASK_RECORD_POLICY, TASK_PREPARE_QUOTE).isWaitingAt(TASK_REVIEW_QUOTE);
		completeTask(instance, TASK_REVIEW_QUOTE);
		assertThat(instance).hasPassed(TASK_SEND_QUOTE);
	}

	private void finishInvestigationAndFollowUp(ProcessInstance instance) {
		completeTask(instance, TASK_PROPOSE_COUNTERMEASURES);
		assertThat(instance).hasPassed(TASK_CREATE_FULL_REPORT, TASK_NOTIFY_FULL_REPORT);
		completeTask(instance, TASK_HOLD_DEBRIEF);
		completeTask(instance, TASK_SUPPORT_RECOVERY);
		completeTask(instance, TASK_STRENGTHEN_SECURITY);
		completeTask(instance, TASK_TRAIN_EMPLOYEES);
	}

	private ProcessInstance startMonitoring() {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);
		decidePolicy(instance, ResponsePolicy.RECOVERY_FIRST, false, true);
		installIds(instance);
		return instance;
	}

	private void installIds(ProcessInstance instance) {
		completeTask(instance, TASK_INSTALL_IDS);
		assertThat(instance).hasPassed(TASK_START_MONITORING).isWaitingAt(TASK_MANAGE_MONITORING);
	}

	private void endMonitoringEarly(ProcessInstance instance) {
		complete(task(TASK_MANAGE_MONITORING, instance),
				withVariables(MONITORING_ACTION, "END_EARLY", MONITORING_ACTION_REASON, "お客様のご要望"));
		runAsyncSteps();
		assertThat(instance).hasPassed(END_MONITORING_ENDED_EARLY, TASK_END_MONITORING,
				TASK_CREATE_CLOSING_MONITORING_REPORT);
	}

	/** What {@code MonitoringService} does for a critical or high alert that is not a duplicate. */
	private void raiseAlert(ProcessInstance instance, long alertId, String signature, Instant received) {
		runtimeService().createMessageCorrelation(IncidentProcess.Messages.ALERT_RAISED)
			.processInstanceId(instance.getId())
			.setVariablesToTriggeredScope(org.camunda.bpm.engine.variable.Variables.createVariables()
				.putValue(ALERT_ID, alertId)
				.putValue(ALERT_SIGNATURE, signature)
				.putValue(ALERT_DANGER, "CRITICAL")
				.putValue(ALERT_ANALYSIS_DUE_AT, Date.from(received.plus(Duration.ofHours(1)))))
			.correlateWithResult();
	}

	private ProcessInstance startSupport() {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);
		decidePolicy(instance, ResponsePolicy.RECOVERY_FIRST, true, false);
		assertOpenTasks(instance, TASK_INVESTIGATE_TERMINALS, TASK_ASSESS_REPORTING_DUTIES);
		return instance;
	}

	private void assess(ProcessInstance instance, boolean leak, boolean unauthorizedAccess, boolean eu, boolean police,
			boolean ministry) {
		complete(task(TASK_ASSESS_REPORTING_DUTIES, instance), withVariables(AWARE_AT, AWARE.toString(),
				PERSONAL_DATA_LEAK, leak, UNAUTHORIZED_ACCESS, unauthorizedAccess, EU_DATA_SUBJECTS, eu,
				POLICE_REPORT_REQUESTED, police, MINISTRY_REPORT_REQUESTED, ministry));
		runAsyncSteps();
		assertThat(instance).hasPassed(TASK_DRAFT_SUPPORT_DOCUMENTS);
	}

	private void completeSupportWithoutReports(ProcessInstance instance) {
		assess(instance, false, false, false, false, false);
		finishSupportTasks(instance);
	}

	private void finishSupportTasks(ProcessInstance instance) {
		completeTask(instance, TASK_SET_UP_HEADQUARTERS);
		completeTask(instance, TASK_SET_UP_INQUIRY_DESK);
		completeTask(instance, TASK_EDIT_APOLOGY_AND_QA);
		assertThat(instance).hasPassed(TASK_SAVE_SUPPORT_DRAFTS);
		completeTask(instance, TASK_HANDLE_MEDIA);
	}

	/** The open report tasks by the deadline they are for. */
	private Map<String, org.camunda.bpm.engine.task.Task> fileTasks(ProcessInstance instance) {
		Map<String, org.camunda.bpm.engine.task.Task> tasks = new HashMap<>();
		taskService().createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_FILE_AUTHORITY_REPORT)
			.list()
			.forEach(t -> tasks.put((String) taskService().getVariable(t.getId(), AUTHORITY_DEADLINE_NAME), t));
		return tasks;
	}

	private void fileReport(ProcessInstance instance, String deadline) {
		complete(fileTasks(instance).get(deadline),
				withVariables(AUTHORITY_REPORT_FILED_AT, ClockUtil.getCurrentTime().toInstant().toString()));
		runAsyncSteps();
	}

	private Job deadlineTimer(ProcessInstance instance, String timerId, String deadline) {
		return jobQuery().processInstanceId(instance.getId())
			.activityId(timerId)
			.list()
			.stream()
			.filter(j -> deadline.equals(runtimeService().getVariable(j.getExecutionId(), AUTHORITY_DEADLINE_NAME)))
			.findFirst()
			.orElse(null);
	}

	private void assertDeadline(ProcessInstance instance, String deadline, Instant warningAt, Instant dueAt) {
		Assertions.assertThat(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_WARNING, deadline).getDuedate())
			.as("warning of %s", deadline)
			.isEqualTo(Date.from(warningAt));
		Assertions.assertThat(deadlineTimer(instance, TIMER_AUTHORITY_DEADLINE_MISSED, deadline).getDuedate())
			.as("deadline of %s", deadline)
			.isEqualTo(Date.from(dueAt));
		Assertions.assertThat(fileTasks(instance).get(deadline).getDueDate()).isEqualTo(Date.from(dueAt));
	}

	private void completeTask(ProcessInstance instance, String taskId) {
		assertThat(instance).isWaitingAt(taskId);
		complete(task(taskId, instance));
		runAsyncSteps();
	}

	/** Executes the due asynchronous continuations (not the timers, which are not due) until none is left. */
	private void runAsyncSteps() {
		List<Job> due;
		while (!(due = managementService().createJobQuery().executable().list()).isEmpty()) {
			due.forEach(job -> execute(job));
		}
	}

	/** The user tasks open in the incident, by element id. */
	private void assertOpenTasks(ProcessInstance instance, String... taskIds) {
		Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).list())
			.extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
			.containsExactlyInAnyOrder(taskIds);
	}

	private Job timer(ProcessInstance instance, String activityId) {
		return jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
	}

	private JavaDelegate delegate(String bean) {
		return this.delegates.get(bean);
	}

}
