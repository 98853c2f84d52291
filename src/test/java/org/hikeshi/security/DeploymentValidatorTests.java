package org.hikeshi.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The safe-deployment rules, one unsafe construct per test, each refused with the id of the element it is on; and
 * every diagram and decision in {@code processes/} accepted.
 */
class DeploymentValidatorTests {

	/** The delegate beans of the application, as the diagram in {@code processes/} calls them. */
	private static final Map<String, Class<?>> BEANS = Map.ofEntries(
			Map.entry("registerIncidentDelegate", JavaDelegate.class),
			Map.entry("notifyIndividualReferralDelegate", JavaDelegate.class),
			Map.entry("notifyIncidentReceivedDelegate", JavaDelegate.class),
			Map.entry("declineEngagementDelegate", JavaDelegate.class),
			Map.entry("notifyNdaDeclinedDelegate", JavaDelegate.class),
			Map.entry("notifyDispatchSlaWarningDelegate", JavaDelegate.class),
			Map.entry("recordDispatchSlaBreachDelegate", JavaDelegate.class),
			Map.entry("notifyDispatchSlaBreachDelegate", JavaDelegate.class),
			Map.entry("recordDispatchDelegate", JavaDelegate.class),
			Map.entry("notifyResponderDispatchedDelegate", JavaDelegate.class),
			Map.entry("createInitialReportDelegate", JavaDelegate.class),
			Map.entry("notifyInitialReportDelegate", JavaDelegate.class),
			Map.entry("recordPolicyDelegate", JavaDelegate.class),
			Map.entry("prepareQuoteDelegate", JavaDelegate.class), Map.entry("sendQuoteDelegate", JavaDelegate.class),
			Map.entry("createFullReportDelegate", JavaDelegate.class),
			Map.entry("notifyFullReportDelegate", JavaDelegate.class),
			Map.entry("createFinalReportDelegate", JavaDelegate.class),
			Map.entry("issueInvoiceDelegate", JavaDelegate.class),
			Map.entry("notifyIncidentClosedDelegate", JavaDelegate.class),
			Map.entry("closeIncidentDelegate", JavaDelegate.class),
			Map.entry("startMonitoringDelegate", JavaDelegate.class),
			Map.entry("extendMonitoringDelegate", JavaDelegate.class),
			Map.entry("endMonitoringDelegate", JavaDelegate.class),
			Map.entry("createMonitoringReportDelegate", JavaDelegate.class),
			Map.entry("notifyAlertDelegate", JavaDelegate.class),
			Map.entry("notifyAlertOverdueDelegate", JavaDelegate.class),
			Map.entry("recordAlertAssessmentDelegate", JavaDelegate.class),
			Map.entry("draftSupportDocumentsDelegate", JavaDelegate.class),
			Map.entry("saveSupportDraftsDelegate", JavaDelegate.class),
			Map.entry("openAuthorityDeadlineDelegate", JavaDelegate.class),
			Map.entry("notifyAuthorityDeadlineWarningDelegate", JavaDelegate.class),
			Map.entry("recordAuthorityDeadlineMissedDelegate", JavaDelegate.class),
			Map.entry("notifyAuthorityDeadlineMissedDelegate", JavaDelegate.class),
			Map.entry("recordAuthorityReportFiledDelegate", JavaDelegate.class),
			Map.entry("recordEvidenceSubmissionDelegate", JavaDelegate.class),
			Map.entry("phaseListener", ExecutionListener.class));

	private final DeploymentValidator validator = new DeploymentValidator((name, type) -> BEANS.get(name) == type);

	@Test
	void shouldAcceptEveryDiagramAndDecisionInProcesses() throws IOException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of("processes"))) {
			files = listing.sorted().toList();
		}
		assertThat(files).extracting(file -> file.getFileName().toString())
			.contains("incident-response.bpmn", "pricing-proposal.dmn", "alert-danger.dmn");
		for (Path file : files) {
			assertThat(this.validator.validate(file.getFileName().toString(), Files.readAllBytes(file)))
				.as(file.toString())
				.isEmpty();
		}
	}

	@Test
	void shouldAcceptAProcessThatOnlyCallsOurBeansAndReadsVariables() {
		assertThat(validate(process("""
				<bpmn:startEvent id="Start" />
				<bpmn:serviceTask id="Task_Register" camunda:delegateExpression="${registerIncidentDelegate}">
				  <bpmn:extensionElements>
				    <camunda:executionListener event="start" delegateExpression="${phaseListener}" />
				    <camunda:inputOutput><camunda:inputParameter name="id">${incidentId}</camunda:inputParameter></camunda:inputOutput>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				<bpmn:exclusiveGateway id="Gateway_Policy" />
				<bpmn:sequenceFlow id="Flow_Recovery" sourceRef="Gateway_Policy" targetRef="Task_Decide">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${responsePolicy == 'RECOVERY_FIRST'}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:sequenceFlow id="Flow_Concluded" sourceRef="Gateway_Policy" targetRef="Task_Decide">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${ndaConcluded}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:sequenceFlow id="Flow_NotConcluded" sourceRef="Gateway_Policy" targetRef="Task_Decide">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!ndaConcluded}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:userTask id="Task_Decide" camunda:formRef="decide-policy" camunda:formRefBinding="deployment"
				    camunda:candidateGroups="${approvers}" camunda:dueDate="${dispatchDueAt}" />
				<bpmn:userTask id="Task_Review" camunda:formKey="camunda-forms:deployment:review-quote.form"
				    camunda:candidateGroups="coordinators,managers" camunda:dueDate="2026-11-22T10:00:00Z" />
				<bpmn:boundaryEvent id="Timer_Date" attachedToRef="Task_Decide">
				  <bpmn:timerEventDefinition><bpmn:timeDate>2026-11-22T10:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent>
				<bpmn:boundaryEvent id="Timer_Duration" attachedToRef="Task_Decide">
				  <bpmn:timerEventDefinition><bpmn:timeDuration>PT24H</bpmn:timeDuration></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent>
				<bpmn:boundaryEvent id="Timer_Cycle" cancelActivity="false" attachedToRef="Task_Decide">
				  <bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT10M</bpmn:timeCycle></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent>
				<bpmn:boundaryEvent id="Timer_Variable" attachedToRef="Task_Review">
				  <bpmn:timerEventDefinition><bpmn:timeDate>${dispatchDueAt}</bpmn:timeDate></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent>
				"""))).isEmpty();
	}

	@Test
	void shouldRefuseAScriptTask() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.scriptTask("Task_Script")
			.scriptFormat("groovy")
			.scriptText("'rm -rf /'.execute()")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_Script", "script task (groovy)");
	}

	@Test
	void shouldRefuseAScriptTaskWithoutAScriptYet() {
		// what a manager has right after turning a task into a script task in the modeler
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.scriptTask("Task_Script")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_Script", "script task: a script runs code");
	}

	@Test
	void shouldRefuseAScriptExecutionListener() {
		assertRefused(validate(process("""
				<bpmn:startEvent id="Start">
				  <bpmn:extensionElements>
				    <camunda:executionListener event="start">
				      <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('id')</camunda:script>
				    </camunda:executionListener>
				  </bpmn:extensionElements>
				</bpmn:startEvent>
				""")), "Start", "inline script (camunda:script) in executionListener");
	}

	@Test
	void shouldRefuseAScriptTaskListener() {
		assertRefused(validate(process(userTask("Task_Review", """
				<bpmn:extensionElements>
				  <camunda:taskListener event="create">
				    <camunda:script scriptFormat="groovy" resource="deployment://listener.groovy" />
				  </camunda:taskListener>
				</bpmn:extensionElements>
				"""))), "Task_Review", "inline script (camunda:script) in taskListener");
	}

	@Test
	void shouldRefuseAnInlineScriptInAnInputOrOutput() {
		assertRefused(validate(process("""
				<bpmn:serviceTask id="Task_Register" camunda:delegateExpression="${registerIncidentDelegate}">
				  <bpmn:extensionElements>
				    <camunda:inputOutput>
				      <camunda:outputParameter name="secret">
				        <camunda:script scriptFormat="groovy">System.getenv()</camunda:script>
				      </camunda:outputParameter>
				    </camunda:inputOutput>
				  </bpmn:extensionElements>
				</bpmn:serviceTask>
				""")), "Task_Register", "inline script (camunda:script) in outputParameter");
	}

	@Test
	void shouldRefuseAConditionWrittenInAScriptLanguage() {
		assertRefused(validate(process(gateway("""
				<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
				"""))), "Flow_Condition", "inline script (language=\"javascript\") in conditionExpression");
	}

	@Test
	void shouldRefuseCamundaClassOnAServiceTask() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.serviceTask("Task_Class")
			.camundaClass("com.example.Anything")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_Class",
				"camunda:class on serviceTask (com.example.Anything)");
	}

	@Test
	void shouldRefuseCamundaClassOnAListener() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent("Start")
			.camundaExecutionListenerClass("start", "com.example.Anything")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Start", "camunda:class on executionListener");
	}

	@Test
	void shouldRefuseCamundaClassOnAMessageEndEvent() {
		assertRefused(validate(process("""
				<bpmn:endEvent id="End_Message">
				  <bpmn:messageEventDefinition camunda:class="com.example.Anything" />
				</bpmn:endEvent>
				""")), "End_Message", "camunda:class on messageEventDefinition");
	}

	@Test
	void shouldRefuseOtherClassNameAttributes() {
		assertRefused(validate(process("""
				<bpmn:callActivity id="Call_Other" calledElement="other" camunda:variableMappingClass="com.example.Mapping" />
				""")), "Call_Other", "camunda:variableMappingClass on callActivity");
	}

	@Test
	void shouldRefuseClassesInTheOldActivitiNamespace() {
		assertRefused(validate(process("""
				<bpmn:serviceTask id="Task_Activiti" xmlns:activiti="http://activiti.org/bpmn" activiti:class="com.example.Anything" />
				""")), "Task_Activiti", "camunda:class on serviceTask");
	}

	@Test
	void shouldRefuseCamundaExpressionOnAServiceTask() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.serviceTask("Task_Expression")
			.camundaExpression("${registerIncidentDelegate.execute(execution)}")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_Expression", "camunda:expression on serviceTask");
	}

	@Test
	void shouldRefuseAnExpressionListener() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent("Start")
			.camundaExecutionListenerExpression("start", "${execution.setVariable('approved', true)}")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Start", "camunda:expression on executionListener");
	}

	@Test
	void shouldRefuseADelegateExpressionThatIsNotOneOfOurBeans() {
		assertThat(validate(process("""
				<bpmn:serviceTask id="Task_Unknown" camunda:delegateExpression="${someoneElsesDelegate}" />
				<bpmn:serviceTask id="Task_Listener" camunda:delegateExpression="${phaseListener}" />
				<bpmn:serviceTask id="Task_Call" camunda:delegateExpression="${registerIncidentDelegate.execute(execution)}" />
				<bpmn:startEvent id="Start">
				  <bpmn:extensionElements>
				    <camunda:executionListener event="start" delegateExpression="${registerIncidentDelegate}" />
				  </bpmn:extensionElements>
				</bpmn:startEvent>
				"""))).extracting(DeploymentProblem::elementId, DeploymentProblem::message)
			.containsExactly(
					tuple("Task_Unknown", "camunda:delegateExpression on serviceTask (${someoneElsesDelegate}) "
							+ "is not one of our JavaDelegate beans"),
					tuple("Task_Listener", "camunda:delegateExpression on serviceTask (${phaseListener}) "
							+ "is not one of our JavaDelegate beans"),
					tuple("Task_Call", "camunda:delegateExpression on serviceTask "
							+ "(${registerIncidentDelegate.execute(execution)}) must name one of our beans as ${beanName}"),
					tuple("Start", "camunda:delegateExpression on executionListener (${registerIncidentDelegate}) "
							+ "is not one of our ExecutionListener beans"));
	}

	@Test
	void shouldRefuseAnExternalTask() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.serviceTask("Task_External")
			.camundaExternalTask("anything")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_External", "camunda:type on serviceTask (external)");
	}

	@Test
	void shouldRefuseGatewayConditionsWithLogic() {
		assertThat(validate(process(gateway("""
				<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount > 1000 &amp;&amp; risk == 'HIGH'}</bpmn:conditionExpression>
				""") + """
				<bpmn:sequenceFlow id="Flow_Call" sourceRef="Gateway" targetRef="End">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('risk') == true}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				"""))).extracting(DeploymentProblem::elementId, DeploymentProblem::message)
			.containsExactly(
					tuple("Flow_Condition", "conditionExpression ${amount > 1000 && risk == 'HIGH'} is not accepted: "
							+ "only ${variable}, ${!variable} or ${variable == 'VALUE'}; logic belongs in a delegate bean"),
					tuple("Flow_Call", "conditionExpression ${execution.getVariable('risk') == true} is not accepted: "
							+ "only ${variable}, ${!variable} or ${variable == 'VALUE'}; logic belongs in a delegate bean"));
	}

	@Test
	void shouldRefuseExpressionsThatDoMoreThanReadAVariable() {
		assertThat(validate(process(userTask("Task_Review", "").replace("camunda:candidateGroups=\"coordinators\"",
				"camunda:candidateGroups=\"${groupService.groupsOf(execution)}\" camunda:dueDate=\"${now().plusDays(1)}\"")
				+ """
						<bpmn:serviceTask id="Task_Register" camunda:delegateExpression="${registerIncidentDelegate}">
						  <bpmn:extensionElements>
						    <camunda:inputOutput>
						      <camunda:inputParameter name="engine">${execution.processEngineServices}</camunda:inputParameter>
						    </camunda:inputOutput>
						  </bpmn:extensionElements>
						</bpmn:serviceTask>
						"""))).extracting(DeploymentProblem::elementId, DeploymentProblem::message)
			.containsExactlyInAnyOrder(
					tuple("Task_Review", "camunda:candidateGroups on userTask has the expression "
							+ "${groupService.groupsOf(execution)}: only ${variable} is accepted here, logic belongs in a "
							+ "delegate bean"),
					tuple("Task_Review", "camunda:dueDate on userTask has the expression ${now().plusDays(1)}: only "
							+ "${variable} is accepted here, logic belongs in a delegate bean"),
					tuple("Task_Register", "inputParameter has the expression ${execution.processEngineServices}: "
							+ "only ${variable} is accepted here, logic belongs in a delegate bean"));
	}

	@Test
	void shouldRefuseAUserTaskWithoutCandidateGroups() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask("Task_Nobody")
			.camundaFormRef("review-quote")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_Nobody", "user task has no candidate groups");
	}

	@Test
	void shouldRefuseAnEmbeddedHtmlForm() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent("StartEvent_Html")
			.camundaFormKey("embedded:deployment:start.html")
			.userTask("Task_Html")
			.camundaCandidateGroups("coordinators")
			.camundaFormKey("embedded:app:forms/task.html")
			.endEvent()
			.done();
		assertThat(validate(Bpmn.convertToString(model)))
			.extracting(DeploymentProblem::elementId, DeploymentProblem::message)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("StartEvent_Html",
							"embedded HTML form (embedded:deployment:start.html): it runs its own JavaScript in "
									+ "Tasklist users' browsers; use a Camunda Form with camunda:formRef"),
					org.assertj.core.groups.Tuple.tuple("Task_Html",
							"embedded HTML form (embedded:app:forms/task.html): it runs its own JavaScript in "
									+ "Tasklist users' browsers; use a Camunda Form with camunda:formRef"));
	}

	@Test
	void shouldRefuseAUserTaskWithoutAForm() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("test")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask("Task_NoForm")
			.camundaCandidateGroups("coordinators")
			.endEvent()
			.done();
		assertRefused(validate(Bpmn.convertToString(model)), "Task_NoForm",
				"user task has no form (camunda:formRef or camunda:formKey)");
	}

	@Test
	void shouldRefuseTimersThatAreNotIso8601() {
		assertThat(validate(process(userTask("Task_Review", "") + timer("Timer_Date", "timeDate", "2026-13-01T10:00:00Z")
				+ timer("Timer_Duration", "timeDuration", "24h") + timer("Timer_Cycle", "timeCycle", "R3/10M")
				+ timer("Timer_Expression", "timeDuration", "${sla.plusHours(4)}"))))
			.extracting(DeploymentProblem::elementId, DeploymentProblem::message)
			.containsExactly(
					tuple("Timer_Date", "timer timeDate \"2026-13-01T10:00:00Z\" is not an ISO-8601 date-time such as "
							+ "2026-11-22T10:00:00Z"),
					tuple("Timer_Duration", "timer timeDuration \"24h\" is not an ISO-8601 duration such as PT24H"),
					tuple("Timer_Cycle", "timer timeCycle \"R3/10M\" is not an ISO-8601 repeating interval such as "
							+ "R3/PT10M"),
					tuple("Timer_Expression", "timer timeDuration has the expression ${sla.plusHours(4)}: only "
							+ "${variable} or an ISO-8601 literal is accepted"));
	}

	@Test
	void shouldReadIso8601TimerLiterals() {
		assertThat(TimerLiterals.isDate("2026-11-22T10:00:00Z")).isTrue();
		assertThat(TimerLiterals.isDate("2026-11-22T19:00:00+09:00")).isTrue();
		assertThat(TimerLiterals.isDate("2026-11-22")).isTrue();
		assertThat(TimerLiterals.isDate("22/11/2026")).isFalse();
		assertThat(TimerLiterals.isDuration("PT24H")).isTrue();
		assertThat(TimerLiterals.isDuration("P1DT12H")).isTrue();
		assertThat(TimerLiterals.isDuration("PT")).isFalse();
		assertThat(TimerLiterals.isDuration("-PT1H")).isFalse();
		assertThat(TimerLiterals.isCycle("R3/PT10M")).isTrue();
		assertThat(TimerLiterals.isCycle("R/2026-11-22T10:00:00Z/P1D")).isTrue();
		assertThat(TimerLiterals.isCycle("R2/PT1H/2026-12-01T00:00:00Z")).isTrue();
		assertThat(TimerLiterals.isCycle("PT10M")).isFalse();
		assertThat(TimerLiterals.isCycle("0 0/5 * * * ?")).isFalse();
	}

	@Test
	void shouldRefuseAProcessWithoutHistoryTimeToLive() {
		assertRefused(validate(process("<bpmn:startEvent id=\"Start\" />").replace(" camunda:historyTimeToLive=\"30\"", "")),
				"test", "process has no camunda:historyTimeToLive");
	}

	@Test
	void shouldRefuseWhatItCannotRead() {
		assertThat(this.validator.validate("broken.bpmn", "<definitions>".getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("not a valid BPMN 2.0 diagram"));
		assertThat(this.validator.validate("case.cmmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("CMMN is not accepted"));
		assertThat(this.validator.validate("review-quote.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	@Test
	void shouldRefuseADecisionWithoutHistoryTimeToLive() {
		assertRefused(validateDmn(dmn("", "", "", "", "", "\"RECOVERY_FIRST\"")), "Decision_Test",
				"decision has no camunda:historyTimeToLive");
	}

	@Test
	void shouldRefuseDecisionLanguagesOtherThanFeel() {
		assertThat(validateDmn(dmn("typeLanguage=\"juel\"", "camunda:historyTimeToLive=\"30\"",
				"expressionLanguage=\"juel\"", "expressionLanguage=\"javascript\"", "expressionLanguage=\"groovy\"",
				"\"RECOVERY_FIRST\"")))
			.extracting(DeploymentProblem::elementId, DeploymentProblem::message)
			.containsExactly(
					tuple("Definitions_Test", "definitions has typeLanguage=\"juel\": only FEEL is accepted, other "
							+ "languages (JUEL, JavaScript, Groovy, ...) run code inside the server"),
					tuple("InputExpression_1", "inputExpression has expressionLanguage=\"juel\": only FEEL is "
							+ "accepted, other languages (JUEL, JavaScript, Groovy, ...) run code inside the server"),
					tuple("InputEntry_1", "inputEntry has expressionLanguage=\"javascript\": only FEEL is accepted, "
							+ "other languages (JUEL, JavaScript, Groovy, ...) run code inside the server"),
					tuple("OutputEntry_1", "outputEntry has expressionLanguage=\"groovy\": only FEEL is accepted, "
							+ "other languages (JUEL, JavaScript, Groovy, ...) run code inside the server"));
	}

	@Test
	void shouldAcceptFeelByNameOrNamespace() {
		assertThat(validateDmn(dmn("expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"",
				"camunda:historyTimeToLive=\"30\"", "expressionLanguage=\"feel\"", "expressionLanguage=\"FEEL\"", "",
				"\"RECOVERY_FIRST\"")))
			.isEmpty();
	}

	@Test
	void shouldRefuseFeelExternalFunctions() {
		assertRefused(validateDmn(dmn("", "camunda:historyTimeToLive=\"30\"", "", "", "",
				"function(x) external { java: { class: \"java.lang.Runtime\", method signature: \"getRuntime()\" } }")),
				"InputEntry_1", "FEEL external function");
	}

	private List<DeploymentProblem> validate(String bpmn) {
		return this.validator.validate("test.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
	}

	private List<DeploymentProblem> validateDmn(String dmn) {
		return this.validator.validate("test.dmn", dmn.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertRefused(List<DeploymentProblem> problems, String elementId, String message) {
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.resource()).isNotBlank();
			assertThat(problem.elementId()).isEqualTo(elementId);
			assertThat(problem.message()).contains(message);
		});
	}

	private static String process(String elements) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="Definitions_Test" targetNamespace="http://hikeshi.org/test">
				  <bpmn:process id="test" isExecutable="true" camunda:historyTimeToLive="30">
				%s
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(elements);
	}

	private static String userTask(String id, String content) {
		return """
				<bpmn:userTask id="%s" camunda:formRef="review-quote" camunda:candidateGroups="coordinators">%s</bpmn:userTask>
				""".formatted(id, content);
	}

	private static String gateway(String condition) {
		return """
				<bpmn:exclusiveGateway id="Gateway" />
				<bpmn:endEvent id="End" />
				<bpmn:sequenceFlow id="Flow_Condition" sourceRef="Gateway" targetRef="End">%s</bpmn:sequenceFlow>
				""".formatted(condition);
	}

	private static String timer(String id, String kind, String value) {
		return """
				<bpmn:boundaryEvent id="%s" attachedToRef="Task_Review">
				  <bpmn:timerEventDefinition><bpmn:%s>%s</bpmn:%s></bpmn:timerEventDefinition>
				</bpmn:boundaryEvent>
				""".formatted(id, kind, value, kind);
	}

	private static String dmn(String definitions, String decision, String inputExpression, String inputEntry,
			String outputEntry, String inputEntryText) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="Definitions_Test" name="Test" namespace="http://hikeshi.org/test" %s>
				  <decision id="Decision_Test" name="Test" %s>
				    <decisionTable id="DecisionTable_Test">
				      <input id="Input_1">
				        <inputExpression id="InputExpression_1" typeRef="string" %s><text>responsePolicy</text></inputExpression>
				      </input>
				      <output id="Output_1" name="result" typeRef="string" />
				      <rule id="Rule_1">
				        <inputEntry id="InputEntry_1" %s><text>%s</text></inputEntry>
				        <outputEntry id="OutputEntry_1" %s><text>"ok"</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(definitions, decision, inputExpression, inputEntry, inputEntryText, outputEntry);
	}

}
