package org.hikeshi.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.XMLConstants;

import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.ModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decides whether a diagram or decision may be deployed: it must not run code of its own inside the server, only
 * call our beans, and be complete enough to be worked (candidate groups, forms, valid timers, a history time to
 * live). Reads BPMN and DMN with the Camunda Model API; looks at every element and attribute, not only the ones a
 * modeler shows, so that hand-written XML gets no further than a diagram from Camunda Modeler.
 * <p>
 * Refused in BPMN: script tasks, {@code camunda:script} and any {@code language}/{@code scriptFormat} attribute
 * (inline scripts in listeners, conditions, inputs and outputs), {@code camunda:class} and the other class-name
 * attributes ({@code formHandlerClass}, {@code variableMappingClass}), {@code camunda:expression} on tasks, events
 * and listeners, {@code camunda:type} (external tasks, connectors), {@code camunda:connector}, custom form field
 * validators, a {@code camunda:delegateExpression} that is not {@code ${bean}} of a bean of ours of the right type,
 * any other expression than {@code ${variable}} (conditions may also be {@code ${!variable}} or
 * {@code ${variable == 'VALUE'}}), timers whose literal is not ISO-8601, user tasks without candidate groups or
 * form, executable processes without {@code camunda:historyTimeToLive}. In DMN: decisions without
 * {@code camunda:historyTimeToLive}, an expression or type language other than FEEL, FEEL external (Java)
 * functions. CMMN is refused as a whole.
 */
final class DeploymentValidator {

	private static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");

	private static final List<String> DMN_SUFFIXES = List.of(".dmn", ".dmn11.xml");

	private static final List<String> CMMN_SUFFIXES = List.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml");

	/** {@code activiti:} is the engine's old, still accepted, name for {@code camunda:}. */
	private static final Set<String> CAMUNDA_NAMESPACES = Set.of(BpmnModelConstants.CAMUNDA_NS,
			BpmnModelConstants.ACTIVITI_NS);

	private static final Set<String> DIAGRAM_NAMESPACES = Set.of(BpmnModelConstants.BPMNDI_NS,
			BpmnModelConstants.DC_NS, BpmnModelConstants.DI_NS);

	/** BPMN texts the engine never evaluates. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	private static final Set<String> TIMERS = Set.of("timeDate", "timeDuration", "timeCycle");

	private static final Set<String> CONDITIONS = Set.of("conditionExpression", "condition", "completionCondition");

	/** FEEL by its short name or a DMN version's namespace, lower case. */
	private static final Set<String> FEEL = Stream
		.of("feel", DmnModelConstants.FEEL_NS, DmnModelConstants.FEEL12_NS, DmnModelConstants.FEEL13_NS,
				DmnModelConstants.FEEL14_NS, DmnModelConstants.FEEL15_NS)
		.map(language -> language.toLowerCase(Locale.ROOT))
		.collect(Collectors.toUnmodifiableSet());

	private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*(" + IDENTIFIER + ")\\s*}");

	private static final Pattern BOOLEAN_CONDITION = Pattern
		.compile("\\$\\{\\s*(?:!\\s*|not\\s+)?" + IDENTIFIER + "\\s*}");

	private static final Pattern ENUM_CONDITION = Pattern
		.compile("\\$\\{\\s*" + IDENTIFIER + "\\s*(?:==|!=)\\s*'[A-Z][A-Z0-9_]*'\\s*}");

	private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");

	private final DelegateBeans delegates;

	DeploymentValidator(DelegateBeans delegates) {
		this.delegates = delegates;
	}

	/** The problems of one deployment resource; resources that are neither BPMN, DMN nor CMMN have none. */
	List<DeploymentProblem> validate(String resource, byte[] content) {
		String name = resource.toLowerCase(Locale.ROOT);
		if (endsWithAny(name, BPMN_SUFFIXES)) {
			return validateBpmn(resource, content);
		}
		if (endsWithAny(name, DMN_SUFFIXES)) {
			return validateDmn(resource, content);
		}
		if (endsWithAny(name, CMMN_SUFFIXES)) {
			return List.of(new DeploymentProblem(resource, null,
					"CMMN is not accepted: Hikeshi runs BPMN and DMN only, and this validator does not check the "
							+ "listeners and expressions of a case model"));
		}
		return List.of();
	}

	List<DeploymentProblem> validateBpmn(String resource, byte[] content) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
		}
		catch (ModelException ex) {
			return List.of(new DeploymentProblem(resource, null, "not a valid BPMN 2.0 diagram: " + ex.getMessage()));
		}
		Problems problems = new Problems(resource);
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
				problems.add(process.getId(), "process has no camunda:historyTimeToLive: without it, the history of "
						+ "its incidents is never cleaned up");
			}
		}
		for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
			String format = task.getScriptFormat() == null ? "" : " (" + task.getScriptFormat() + ")";
			problems.add(task.getId(), "script task" + format + ": a script runs code inside the server; call one of "
					+ "our delegate beans with a service task instead");
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			if (isBlank(task.getCamundaCandidateGroups())) {
				problems.add(task.getId(), "user task has no candidate groups (camunda:candidateGroups): nobody "
						+ "would see it in Tasklist");
			}
			if (isBlank(task.getCamundaFormRef()) && isBlank(task.getCamundaFormKey())) {
				problems.add(task.getId(), "user task has no form (camunda:formRef or camunda:formKey)");
			}
			refuseEmbeddedForm(problems, task.getId(), task.getCamundaFormKey());
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			refuseEmbeddedForm(problems, start.getId(), start.getCamundaFormKey());
		}
		new BpmnWalk(problems).element(root(model));
		return problems.list;
	}

	/** Embedded HTML forms run their own JavaScript in every Tasklist user's browser; Camunda Forms do not. */
	private static void refuseEmbeddedForm(Problems problems, String elementId, String formKey) {
		if (formKey != null && formKey.strip().startsWith("embedded:")) {
			problems.add(elementId, "embedded HTML form (" + formKey.strip() + "): it runs its own JavaScript in "
					+ "Tasklist users' browsers; use a Camunda Form with camunda:formRef");
		}
	}

	List<DeploymentProblem> validateDmn(String resource, byte[] content) {
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
		}
		catch (ModelException ex) {
			return List.of(new DeploymentProblem(resource, null, "not a valid DMN decision: " + ex.getMessage()));
		}
		Problems problems = new Problems(resource);
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
				problems.add(decision.getId(), "decision has no camunda:historyTimeToLive: without it, its "
						+ "evaluations are never cleaned up from history");
			}
		}
		dmnElement(root(model), problems);
		return problems.list;
	}

	private void dmnElement(Element element, Problems problems) {
		for (String attribute : List.of("expressionLanguage", "typeLanguage")) {
			String language = element.getAttribute(attribute);
			if (!language.isEmpty() && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
				problems.add(idOf(element), element.getLocalName() + " has " + attribute + "=\"" + language
						+ "\": only FEEL is accepted, other languages (JUEL, JavaScript, Groovy, ...) run code "
						+ "inside the server");
			}
		}
		if ("text".equals(element.getLocalName()) && FEEL_EXTERNAL_FUNCTION.matcher(ownText(element)).find()) {
			problems.add(idOf(element), "FEEL external function: it calls Java inside the server");
		}
		children(element).forEach(child -> dmnElement(child, problems));
	}

	/** One pass over every element and attribute of a BPMN document. */
	private final class BpmnWalk {

		private final Problems problems;

		BpmnWalk(Problems problems) {
			this.problems = problems;
		}

		void element(Element element) {
			String namespace = element.getNamespaceURI();
			String name = element.getLocalName();
			if (isIn(DIAGRAM_NAMESPACES, namespace)) {
				return;
			}
			boolean camunda = isIn(CAMUNDA_NAMESPACES, namespace);
			boolean bpmn = BpmnModelConstants.BPMN20_NS.equals(namespace);
			String id = idOf(element);
			if (camunda && "script".equals(name)) {
				this.problems.add(id, "inline script (camunda:script) in " + parentName(element)
						+ ": a script runs code inside the server");
				return;
			}
			if (camunda && "connector".equals(name)) {
				this.problems.add(id, "camunda:connector: Hikeshi calls out of the server only through its own "
						+ "delegate beans");
			}
			if (camunda && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
				this.problems.add(id, "custom form field validator (" + element.getAttribute("config")
						+ "): it runs a class or an expression inside the server");
			}
			boolean scriptTask = bpmn && "scriptTask".equals(name);
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				attribute(element, camunda, scriptTask, (Attr) attributes.item(i));
			}
			text(element, bpmn, name);
			children(element).forEach(this::element);
		}

		private void attribute(Element owner, boolean camundaElement, boolean scriptTask, Attr attribute) {
			String namespace = attribute.getNamespaceURI();
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
				return;
			}
			String name = attribute.getLocalName();
			String value = attribute.getValue();
			String id = idOf(owner);
			String owned = owner.getLocalName();
			boolean camunda = isIn(CAMUNDA_NAMESPACES, namespace) || (namespace == null && camundaElement);
			String where = (camunda ? "camunda:" : "") + name + " on " + owned;
			if ("language".equals(name) || "scriptFormat".equals(name)) {
				if (!scriptTask) {
					this.problems.add(id, "inline script (" + name + "=\"" + value + "\") in " + owned
							+ ": a script runs code inside the server");
				}
				return;
			}
			if (!camunda) {
				value(id, where, value);
				return;
			}
			if ("class".equals(name) || name.endsWith("Class")) {
				this.problems.add(id, where + " (" + value + "): it runs any Java class on the class path; call "
						+ "one of our beans with camunda:delegateExpression=\"${beanName}\" instead");
			}
			else if ("expression".equals(name) && !"field".equals(owned) && !"formProperty".equals(owned)) {
				this.problems.add(id, where + " (" + value + "): an expression can call any method of any bean; "
						+ "call one of our beans with camunda:delegateExpression=\"${beanName}\" instead");
			}
			else if ("delegateExpression".equals(name)) {
				delegate(id, where, value, switch (owned) {
					case "executionListener" -> ExecutionListener.class;
					case "taskListener" -> TaskListener.class;
					default -> JavaDelegate.class;
				});
			}
			else if ("variableMappingDelegateExpression".equals(name)) {
				delegate(id, where, value, DelegateVariableMapping.class);
			}
			else if ("resource".equals(name)) {
				if (!scriptTask) {
					this.problems.add(id, where + " (" + value + "): an external script runs code inside the server");
				}
			}
			else if ("type".equals(name) && !camundaElement) {
				this.problems.add(id, where + " (" + value + "): external tasks and connectors are not run by "
						+ "Hikeshi; call one of our beans with camunda:delegateExpression=\"${beanName}\"");
			}
			else {
				value(id, where, value);
			}
		}

		private void text(Element element, boolean bpmn, String name) {
			String text = ownText(element);
			boolean literal = !bpmn && "string".equals(name); // camunda:string, a field's fixed value
			if (text.isEmpty() || literal || element.hasAttribute("language") || (bpmn && PROSE.contains(name))
					|| (bpmn && "script".equals(name))) {
				return;
			}
			String id = idOf(element);
			if (bpmn && TIMERS.contains(name)) {
				timer(id, name, text);
			}
			else if (bpmn && CONDITIONS.contains(name)) {
				condition(id, name, text);
			}
			else {
				value(id, name, text);
			}
		}

		private void delegate(String id, String where, String value, Class<?> type) {
			Matcher bean = VARIABLE.matcher(value.trim());
			if (!bean.matches()) {
				this.problems.add(id, where + " (" + value + ") must name one of our beans as ${beanName}");
			}
			else if (!DeploymentValidator.this.delegates.provides(bean.group(1), type)) {
				this.problems.add(id, where + " (" + value + ") is not one of our " + type.getSimpleName() + " beans");
			}
		}

		private void value(String id, String where, String value) {
			String text = value.trim();
			if (isExpression(text) && !VARIABLE.matcher(text).matches()) {
				this.problems.add(id, where + " has the expression " + text + ": only ${variable} is accepted "
						+ "here, logic belongs in a delegate bean");
			}
		}

		private void timer(String id, String kind, String text) {
			if (VARIABLE.matcher(text).matches()) {
				return;
			}
			if (isExpression(text)) {
				this.problems.add(id, "timer " + kind + " has the expression " + text
						+ ": only ${variable} or an ISO-8601 literal is accepted");
				return;
			}
			Predicate<String> valid = switch (kind) {
				case "timeDate" -> TimerLiterals::isDate;
				case "timeDuration" -> TimerLiterals::isDuration;
				default -> TimerLiterals::isCycle;
			};
			if (!valid.test(text)) {
				String expected = switch (kind) {
					case "timeDate" -> "an ISO-8601 date-time such as 2026-11-22T10:00:00Z";
					case "timeDuration" -> "an ISO-8601 duration such as PT24H";
					default -> "an ISO-8601 repeating interval such as R3/PT10M";
				};
				this.problems.add(id, "timer " + kind + " \"" + text + "\" is not " + expected);
			}
		}

		private void condition(String id, String kind, String text) {
			if (!BOOLEAN_CONDITION.matcher(text).matches() && !ENUM_CONDITION.matcher(text).matches()) {
				this.problems.add(id, kind + " " + text + " is not accepted: only ${variable}, ${!variable} or "
						+ "${variable == 'VALUE'}; logic belongs in a delegate bean");
			}
		}

	}

	/** The problems of one resource, in document order. */
	private static final class Problems {

		private final String resource;

		private final List<DeploymentProblem> list = new ArrayList<>();

		Problems(String resource) {
			this.resource = resource;
		}

		void add(String elementId, String message) {
			this.list.add(new DeploymentProblem(this.resource, elementId, message));
		}

	}

	private static Element root(ModelInstance model) {
		return ((Document) model.getDocument().getDomSource().getNode()).getDocumentElement();
	}

	private static List<Element> children(Element element) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = element.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element child) {
				children.add(child);
			}
		}
		return children;
	}

	private static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		NodeList nodes = element.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(node.getNodeValue());
			}
		}
		return text.toString().trim();
	}

	/** The id of the element or of the nearest enclosing element that has one. */
	private static String idOf(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (!e.getAttribute("id").isEmpty()) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	private static String parentName(Element element) {
		return element.getParentNode().getLocalName();
	}

	/** {@link Set#of} sets throw on {@code contains(null)}; unqualified attributes have no namespace. */
	private static boolean isIn(Set<String> namespaces, String namespace) {
		return namespace != null && namespaces.contains(namespace);
	}

	private static boolean isExpression(String text) {
		return text.contains("${") || text.contains("#{");
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static boolean endsWithAny(String name, List<String> suffixes) {
		return suffixes.stream().anyMatch(name::endsWith);
	}

}
