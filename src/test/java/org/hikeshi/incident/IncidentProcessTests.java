package org.hikeshi.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
		"submit-evidence.form", "support-recovery.form", "train-employees.form" })
class IncidentProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(configuration())
		.assertClassCoverageAtLeast(0.95)
		.build();

	private static final Instant CONTACT = Instant.parse("2026-11-20T01:00:00Z");

	private final Map<String, JavaDelegate> delegates = new HashMap<>();

	private final ExecutionListener phaseListener = mock(ExecutionListener.class);

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
				"issueInvoiceDelegate", "notifyIncidentClosedDelegate", "closeIncidentDelegate")) {
			JavaDelegate delegate = mock(JavaDelegate.class);
			this.delegates.put(bean, delegate);
			Mocks.register(bean, delegate);
		}
		Mocks.register("phaseListener", this.phaseListener);
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
		assertThat(instance).isWaitingAt(TASK_PRESERVE_EVIDENCE_WITH_WITNESS, TASK_HANDLE_MEDIA, TASK_INSTALL_IDS);
		completeTask(instance, TASK_PRESERVE_EVIDENCE_WITH_WITNESS);
		completeTask(instance, TASK_ANALYSE_EVIDENCE);
		completeTask(instance, TASK_SUBMIT_EVIDENCE);
		completeTask(instance, TASK_HANDLE_MEDIA);
		completeTask(instance, TASK_INSTALL_IDS);
		finishInvestigationAndFollowUp(instance);

		// monitoring still runs: the incident stays open until it is concluded
		assertOpenTasks(instance, TASK_CONCLUDE_MONITORING);
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
		assertThat(instance).isWaitingAt(TASK_PRESERVE_EVIDENCE, TASK_HANDLE_MEDIA);
		completeTask(instance, TASK_PRESERVE_EVIDENCE);
		completeTask(instance, TASK_ANALYSE_EVIDENCE);
		completeTask(instance, TASK_SUBMIT_EVIDENCE);
		finishInvestigationAndFollowUp(instance);
		// the media branch is still open
		assertOpenTasks(instance, TASK_HANDLE_MEDIA);
		completeTask(instance, TASK_HANDLE_MEDIA);
		runAsyncSteps();

		assertThat(instance).hasNotPassed(TASK_PRESERVE_EVIDENCE_WITH_WITNESS, SUBPROCESS_MONITORING).isEnded();
	}

	@Test
	void shouldRunRecoveryFirstWithMonitoringOnly() throws Exception {
		ProcessInstance instance = startOrganisationThroughInitialInvestigation(false);

		decidePolicy(instance, ResponsePolicy.RECOVERY_FIRST, false, true);
		assertThat(instance).isWaitingAt(TASK_INVESTIGATE_TERMINALS, TASK_INSTALL_IDS);
		completeTask(instance, TASK_INSTALL_IDS);
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
