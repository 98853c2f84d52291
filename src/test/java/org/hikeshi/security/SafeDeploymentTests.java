package org.hikeshi.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator in the running engine: a deployment through {@code /engine-rest/deployment/create}, the request
 * Camunda Modeler sends, is refused with a 400 listing every problem and leaves nothing behind; a safe one deploys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SafeDeploymentTests {

	private static final String DEFINITIONS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://hikeshi.org/test">
			  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
			    <bpmn:startEvent id="Start" />
			    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_1" />
			    %s
			    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="End" />
			    <bpmn:endEvent id="End" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private RepositoryService repositoryService;

	@Autowired
	private ApplicationContext context;

	@Test
	void shouldRefuseAnUnsafeDiagramWithEveryProblemAndStoreNothing() {
		long deployments = this.repositoryService.createDeploymentQuery().count();
		String unsafe = DEFINITIONS.formatted("unsafe-test", """
				<bpmn:scriptTask id="Task_1" scriptFormat="groovy">
				  <bpmn:extensionElements>
				    <camunda:executionListener event="end" class="com.example.Anything" />
				  </bpmn:extensionElements>
				  <bpmn:script>'id'.execute().text</bpmn:script>
				</bpmn:scriptTask>
				""");

		ResponseEntity<JsonNode> response = deploy("unsafe.bpmn", unsafe);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode body = response.getBody();
		assertThat(body.get("type").asText()).isEqualTo("ParseException");
		assertThat(body.get("message").asText()).contains("unsafe.bpmn [Task_1]: script task (groovy)")
			.contains("unsafe.bpmn [Task_1]: camunda:class on executionListener (com.example.Anything)");
		JsonNode errors = body.get("details").get("unsafe.bpmn").get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors).allSatisfy(error -> assertThat(error.get("mainElementId").asText()).isEqualTo("Task_1"));
		assertThat(errors.get(0).get("message").asText()).startsWith("script task (groovy)");
		assertThat(errors.get(1).get("message").asText()).startsWith("camunda:class on executionListener");
		assertThat(this.repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("unsafe-test").count())
			.isZero();
	}

	@Test
	void shouldDeployASafeDiagram() {
		String safe = DEFINITIONS.formatted("safe-test", """
				<bpmn:userTask id="Task_1" camunda:formRef="review-quote" camunda:formRefBinding="latest" camunda:candidateGroups="managers" />
				""");

		ResponseEntity<JsonNode> response = deploy("safe.bpmn", safe);

		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("safe-test").count())
			.isOne();
	}

	@Test
	void shouldAcceptEveryFileInProcessesWithTheBeansOfTheApplication() throws IOException {
		DeploymentValidator validator = new DeploymentValidator(DelegateBeans.of(this.context));
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of("processes"))) {
			files = listing.toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			assertThat(validator.validate(file.getFileName().toString(), Files.readAllBytes(file)))
				.as(file.toString())
				.isEmpty();
		}
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("incident-response")
			.count()).isOne();
	}

	private ResponseEntity<JsonNode> deploy(String fileName, String bpmn) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "modeler");
		parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.withBasicAuth("manager", "manager")
			.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
	}

}
