package org.hikeshi.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hikeshi.incident.IncidentProcess;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine settings of {@code application.yml} that close Camunda's open doors take effect. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineHardeningTests {

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private FilterService filters;

	@Autowired
	private TaskService tasks;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private TestRestTemplate rest;

	@Test
	void shouldRefuseAStoredTaskQueryWithAnExpression() {
		Filter filter = this.filters.newTaskFilter("evil")
			.setQuery(this.tasks.createTaskQuery().taskAssigneeExpression("${execution.getVariable('x')}"));

		assertThatThrownBy(() -> this.filters.saveFilter(filter)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("xpression");
		assertThat(this.filters.createFilterQuery().filterName("evil").count()).isZero();
	}

	@Test
	void shouldRefuseExpressionsNestedInOrQueries() {
		assertThatThrownBy(() -> this.tasks.createTaskQuery()
			.or()
			.taskCandidateGroup("coordinators")
			.taskAssigneeExpression("${'x'}")
			.endOr()
			.list()).isInstanceOf(ProcessEngineException.class).hasMessageContaining("xpression");
		Filter nested = this.filters.newTaskFilter("evil-or")
			.setQuery(this.tasks.createTaskQuery().or().taskCandidateUserExpression("${'x'}").endOr());
		assertThatThrownBy(() -> this.filters.saveFilter(nested)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("xpression");
		assertThat(this.filters.createFilterQuery().filterName("evil-or").count()).isZero();
	}

	@Test
	void shouldRefuseAnExpressionInAQueryOrASavedFilterSentThroughTheRestApi() {
		TestRestTemplate manager = this.rest.withBasicAuth("manager", "manager");
		ResponseEntity<String> query = manager.postForEntity("/engine-rest/task?maxResults=10",
				Map.of("orQueries", List.of(Map.of("assigneeExpression", "${execution.getProcessEngineServices()}"))),
				String.class);
		assertThat(query.getStatusCode().is4xxClientError()).as("%s %s", query.getStatusCode(), query.getBody())
			.isTrue();
		assertThat(query.getBody()).contains("xpression");

		ResponseEntity<String> filter = manager.postForEntity("/engine-rest/filter/create",
				Map.of("resourceType", "Task", "name", "evil-rest", "query",
						Map.of("orQueries", List.of(Map.of("candidateUserExpression", "${currentUser()}")))),
				String.class);
		assertThat(filter.getStatusCode().is4xxClientError()).as("%s %s", filter.getStatusCode(), filter.getBody())
			.isTrue();
		assertThat(this.filters.createFilterQuery().filterName("evil-rest").count()).isZero();
	}

	@Test
	void shouldRefuseAnAdHocQueryWithAnExpression() {
		assertThatThrownBy(() -> this.tasks.createTaskQuery().taskAssigneeExpression("${'x'}").list())
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("xpression");
	}

	@Test
	void shouldRefuseJavaSerializedVariables() throws Exception {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.isEnableXxeProcessing()).isFalse();

		long before = this.runtime.createProcessInstanceQuery().count();
		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(IncidentProcess.PROCESS_KEY, validIntake()
			.putValueTyped("payload", Variables.serializedObjectValue(javaSerialized(new ArrayList<>(List.of("x"))))
				.serializationDataFormat(Variables.SerializationDataFormats.JAVA)
				.objectTypeName(ArrayList.class.getName())
				.create())))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Java serialization format is prohibited");
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(before);
	}

	/** What a caller of {@code /engine-rest} would send as a Java-serialized object: Base64 of the bytes. */
	private static String javaSerialized(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static VariableMap validIntake() {
		return Variables.createVariables()
			.putValue("organization", "株式会社テスト")
			.putValue("clientType", "CORPORATION")
			.putValue("contactName", "山田 太郎")
			.putValue("email", "yamada@example.co.jp")
			.putValue("phone", "03-1234-5678")
			.putValue("prefecture", "Tokyo")
			.putValue("discoveredAt", "2026-01-05T09:00+09:00")
			.putValue("incidentTypes", SpinValues.jsonValue("[\"RANSOMWARE\"]").create())
			.putValue("dataCategories", SpinValues.jsonValue("[\"UNKNOWN\"]").create())
			.putValue("discoveryNarrative", "ファイルが開けない")
			.putValue("insiderSuspected", false)
			.putValue("language", "ja");
	}

}
