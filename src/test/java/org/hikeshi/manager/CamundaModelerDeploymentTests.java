package org.hikeshi.manager;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * Camunda Modeler's "Deploy current diagram" as the desktop Modeler sends it (README, "Deploying from Camunda
 * Modeler"): the connection check, then a multipart deployment with the diagram and its form, HTTP Basic as a manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CamundaModelerDeploymentTests {

	private static final String DIAGRAM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_M" targetNamespace="http://hikeshi.org/test"
			    exporter="Camunda Modeler" exporterVersion="5.31.0">
			  <bpmn:process id="modeler-deploy-test" name="Modeler test" isExecutable="true" camunda:historyTimeToLive="30">
			    <bpmn:startEvent id="StartEvent_Start" />
			    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Start" targetRef="Task_Review" />
			    <bpmn:userTask id="Task_Review" name="Review" camunda:formRef="modeler-test-form"
			        camunda:formRefBinding="deployment" camunda:candidateGroups="managers" />
			    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="EndEvent_Done" />
			    <bpmn:endEvent id="EndEvent_Done" />
			  </bpmn:process>
			</bpmn:definitions>
			""";

	private static final String FORM = """
			{"id": "modeler-test-form", "type": "default", "schemaVersion": 16,
			 "components": [{"id": "Field_Note", "key": "note", "label": "Note", "type": "textfield"}]}
			""";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private RepositoryService repository;

	@Test
	void shouldDeployFromCamundaModelerAsAManager() {
		TestRestTemplate manager = this.rest.withBasicAuth("manager", "manager");
		assertThat(manager.getForEntity("/engine-rest/version", JsonNode.class).getStatusCode())
			.as("the Modeler's connection check").isEqualTo(HttpStatus.OK);

		ResponseEntity<JsonNode> deployed = manager.postForEntity("/engine-rest/deployment/create", modelerRequest(),
				JsonNode.class);

		assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
		Deployment deployment = this.repository.createDeploymentQuery()
			.deploymentId(deployed.getBody().get("id").asText())
			.singleResult();
		assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
		assertThat(this.repository.getDeploymentResourceNames(deployment.getId()))
			.containsExactlyInAnyOrder("modeler-deploy-test.bpmn", "modeler-test.form");
	}

	@Test
	void shouldRefuseAWrongPasswordFromCamundaModeler() {
		ResponseEntity<String> refused = this.rest.withBasicAuth("nobody", "wrong")
			.postForEntity("/engine-rest/deployment/create", modelerRequest(), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static HttpEntity<MultiValueMap<String, Object>> modelerRequest() {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "modeler-deploy-test");
		parts.add("deployment-source", "Camunda Modeler");
		parts.add("deploy-changed-only", "true");
		parts.add("modeler-deploy-test.bpmn", file("modeler-deploy-test.bpmn", DIAGRAM));
		parts.add("modeler-test.form", file("modeler-test.form", FORM));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(parts, headers);
	}

	private static ByteArrayResource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

}
