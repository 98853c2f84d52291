package org.hikeshi.incident;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagram keeps its contract with the code and the forms, and the house rules: every user task has a form
 * and candidate groups, every service task is a Spring bean call, side effects are asynchronous with a retry
 * cycle, gateways test one boolean or one enum value, and the names Java uses exist in the diagram.
 */
class ProcessModelTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{[a-z][A-Za-z]*}");

	private static final Pattern SIMPLE_CONDITION = Pattern.compile("\\$\\{[a-z][A-Za-z]*( == '[A-Z_]+')?}");

	private static BpmnModelInstance model;

	@BeforeAll
	static void readDiagram() throws Exception {
		try (InputStream diagram = resource(IncidentProcess.RESOURCE)) {
			model = Bpmn.readModelFromStream(diagram);
		}
		Bpmn.validateModel(model);
	}

	@Test
	void processIsExecutableWithAHistoryTimeToLive() {
		Process process = model.getModelElementById(IncidentProcess.PROCESS_KEY);
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
	}

	@Test
	void everyUserTaskHasADeployedFormAndCandidateGroups() throws Exception {
		Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
		assertThat(tasks).hasSizeGreaterThan(15);
		for (UserTask task : tasks) {
			assertThat(task.getCamundaCandidateGroupsList()).as(task.getId())
				.contains(IncidentProcess.Groups.COORDINATORS, IncidentProcess.Groups.MANAGERS);
			assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
			assertFormExists(task.getCamundaFormRef(), task.getId());
		}
		StartEvent start = model.getModelElementById(IncidentProcess.Elements.START_INCIDENT_REPORTED);
		assertFormExists(start.getCamundaFormRef(), start.getId());
	}

	@Test
	void everyServiceTaskCallsOneSpringBeanAndSideEffectsAreAsynchronous() {
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches(BEAN_CALL);
			assertThat(task.getCamundaClass()).as(task.getId()).isNull();
			assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
			if (task.isCamundaAsyncBefore()) {
				assertThat(task.getExtensionElements().getElementsQuery().filterByType(
						CamundaFailedJobRetryTimeCycle.class).list()).as(task.getId()).hasSize(1);
			}
			boolean sideEffect = task.getCamundaDelegateExpression().matches("\\$\\{(notify|send|create|prepare|issue).*");
			assertThat(task.isCamundaAsyncBefore()).as("%s is asynchronous", task.getId()).isEqualTo(sideEffect);
		}
	}

	@Test
	void gatewaysTestOneBooleanOrOneEnumValue() {
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			ConditionExpression condition = flow.getConditionExpression();
			if (condition != null) {
				assertThat(condition.getTextContent()).as(flow.getId()).matches(SIMPLE_CONDITION);
			}
		}
	}

	@Test
	void everyElementJavaNamesExistsAndEveryNodeIsNamedAndDrawn() throws Exception {
		Set<String> drawn = new HashSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
		for (String id : constants(IncidentProcess.Elements.class)) {
			assertThat((BaseElement) model.getModelElementById(id)).as(id).isNotNull();
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			assertThat(drawn).as("%s has a shape", node.getId()).contains(node.getId());
			assertThat(node.getId()).as("Camunda naming guide")
				.matches("(Task|Gateway|StartEvent|EndEvent|Timer|SubProcess)_[A-Z][A-Za-z]+");
			if (!node.getElementType().getTypeName().endsWith("Gateway")) {
				assertThat(node.getName()).as("%s is labelled 日本語 / English", node.getId()).contains(" / ");
			}
		}
	}

	@Test
	void everyFormFieldJavaReadsIsAFieldOfSomeForm() throws Exception {
		Set<String> keys = new HashSet<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			keys.addAll(formKeys(task.getCamundaFormRef()));
		}
		keys.addAll(formKeys("intake"));
		List<String> fromTheProcess = List.of(IncidentProcess.Variables.INCIDENT_ID,
				IncidentProcess.Variables.INCIDENT_REFERENCE, IncidentProcess.Variables.DISPATCH_SLA_WARNING_AT,
				IncidentProcess.Variables.DISPATCH_DUE_AT, IncidentProcess.Variables.CONTACTED_AT,
				IncidentProcess.Variables.MONITORING_ENDS_AT, IncidentProcess.Variables.MONITORING_REPORT_CYCLE,
				IncidentProcess.Variables.ALERT_ID, IncidentProcess.Variables.ALERT_ANALYSIS_DUE_AT,
				IncidentProcess.Variables.AUTHORITY_REPORTS_DUE, IncidentProcess.Variables.AUTHORITY_DEADLINE_COUNT,
				IncidentProcess.Variables.AUTHORITY_DEADLINE_ID, IncidentProcess.Variables.AUTHORITY_DEADLINE_DUE_AT,
				IncidentProcess.Variables.AUTHORITY_DEADLINE_WARNING_AT);
		for (String variable : constants(IncidentProcess.Variables.class)) {
			if (!fromTheProcess.contains(variable)) {
				assertThat(keys).as("a form has the field %s", variable).contains(variable);
			}
		}
	}

	@Test
	void messagesJavaCorrelatesAreDeclaredAndCaughtByTheDiagram() throws Exception {
		Set<String> declared = new HashSet<>();
		model.getModelElementsByType(Message.class).forEach(m -> declared.add(m.getName()));
		assertThat(declared).containsExactlyInAnyOrderElementsOf(constants(IncidentProcess.Messages.class));
		MessageEventDefinition alert = model.getModelElementById("MessageDefinition_AlertRaised");
		assertThat(alert.getMessage().getName()).isEqualTo(IncidentProcess.Messages.ALERT_RAISED);
		StartEvent start = model.getModelElementById(IncidentProcess.Elements.START_ALERT_RAISED);
		assertThat(start.isInterrupting()).as("an alert never cancels the monitoring").isFalse();
	}

	private static void assertFormExists(String formRef, String element) throws Exception {
		assertThat(formRef).as(element).isNotBlank();
		try (InputStream form = resource(formRef + ".form")) {
			assertThat(form).as("forms/%s.form for %s", formRef, element).isNotNull();
			assertThat(JSON.readTree(form).get("id").asText()).isEqualTo(formRef);
		}
	}

	private static Set<String> formKeys(String formRef) throws Exception {
		Set<String> keys = new HashSet<>();
		try (InputStream form = resource(formRef + ".form")) {
			for (JsonNode component : JSON.readTree(form).get("components")) {
				if (component.has("key")) {
					keys.add(component.get("key").asText());
				}
			}
		}
		return keys;
	}

	private static List<String> constants(Class<?> holder) throws IllegalAccessException {
		List<String> values = new java.util.ArrayList<>();
		for (Field field : holder.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				values.add((String) field.get(null));
			}
		}
		return values;
	}

	private static InputStream resource(String name) {
		return ProcessModelTests.class.getClassLoader().getResourceAsStream(name);
	}

}
