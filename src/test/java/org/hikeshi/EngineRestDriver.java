package org.hikeshi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives incidents through the engine's REST API the way Tasklist does: tasks completed with {@code submit-form}
 * using only the fields their deployed form declares (and all its required ones), asynchronous steps run as jobs,
 * then the mail they queued delivered. Shared by the end-to-end tests on H2 and on PostgreSQL.
 */
final class EngineRestDriver {

	private final TestRestTemplate rest;

	private final TestRestTemplate operator;

	private final String engineRest;

	private final Runnable afterJobs;

	/**
	 * @param rest a template with a coordinator's credentials, who works the tasks
	 * @param operator a template with a manager's credentials, who runs the due jobs in place of the job executor
	 * (coordinators have no permission on jobs)
	 * @param engineRest {@code /engine-rest}, or {@code /engine-rest/engine/<name>} for a named engine
	 * @param afterJobs what to run once no job is due, e.g. delivering the mail outbox
	 */
	EngineRestDriver(TestRestTemplate rest, TestRestTemplate operator, String engineRest, Runnable afterJobs) {
		this.rest = rest;
		this.operator = operator;
		this.engineRest = engineRest;
		this.afterJobs = afterJobs;
	}

	/** The same driver working the tasks as another user (a manager, say), who sees the tasks that user may see. */
	EngineRestDriver as(TestRestTemplate worker) {
		return new EngineRestDriver(worker, this.operator, this.engineRest, this.afterJobs);
	}

	void submit(String processInstanceId, String taskKey, Map<String, Object> values) {
		submit(processInstanceId, taskKey, values, Map.of());
	}

	/** Completes a task as Tasklist does; multi-select values go as Json, as Tasklist sends them. */
	void submit(String processInstanceId, String taskKey, Map<String, Object> values, Map<String, String> jsonValues) {
		String taskId = taskId(processInstanceId, taskKey);
		JsonNode form = this.rest.getForObject(this.engineRest + "/task/" + taskId + "/deployed-form", JsonNode.class);
		Set<String> submitted = new TreeSet<>(values.keySet());
		submitted.addAll(jsonValues.keySet());
		assertThat(formKeys(form)).as("fields of the form of %s", taskKey).containsAll(submitted);
		assertThat(submitted).as("required fields of the form of %s", taskKey).containsAll(requiredKeys(form));

		Map<String, Object> variables = new HashMap<>();
		values.forEach((k, v) -> variables.put(k, value(v)));
		jsonValues.forEach((k, v) -> variables.put(k, json(v)));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = this.rest.exchange(this.engineRest + "/task/" + taskId + "/submit-form",
				HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers), String.class);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", taskKey, response.getBody()).isTrue();
		runJobs(processInstanceId);
	}

	/** The open task of that key, as the worker sees it (Camunda authorization shows each user only their tasks). */
	String taskId(String processInstanceId, String taskKey) {
		JsonNode tasks = this.rest.getForObject(
				this.engineRest + "/task?processInstanceId={pi}&taskDefinitionKey={key}&maxResults=10",
				JsonNode.class, processInstanceId, taskKey);
		assertThat(tasks).as("open task %s", taskKey).hasSize(1);
		return tasks.get(0).get("id").asText();
	}

	List<String> openTasks(String processInstanceId) {
		List<String> keys = new ArrayList<>();
		this.rest.getForObject(this.engineRest + "/task?processInstanceId={pi}&maxResults=100", JsonNode.class, processInstanceId)
			.forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
		return keys;
	}

	/** Runs the incident's due jobs until none is left, then {@code afterJobs}. */
	void runJobs(String processInstanceId) {
		for (int round = 0; round < 50; round++) {
			JsonNode jobs = this.operator.getForObject(
					this.engineRest + "/job?processInstanceId={pi}&executable=true&withRetriesLeft=true&maxResults=100",
					JsonNode.class, processInstanceId);
			if (jobs.isEmpty()) {
				this.afterJobs.run();
				return;
			}
			for (JsonNode job : jobs) {
				ResponseEntity<String> run = this.operator.postForEntity(
						this.engineRest + "/job/" + job.get("id").asText() + "/execute", null, String.class);
				assertThat(run.getStatusCode().is2xxSuccessful()).as("job %s: %s", job, run.getBody()).isTrue();
			}
		}
		throw new AssertionError("jobs of " + processInstanceId + " keep coming");
	}

	/** The keys of a form's enabled (submitted) fields. */
	static Set<String> formKeys(JsonNode form) {
		Set<String> keys = new TreeSet<>();
		form.get("components").forEach(c -> {
			if (c.has("key") && !c.path("disabled").asBoolean()) {
				keys.add(c.get("key").asText());
			}
		});
		return keys;
	}

	static Set<String> requiredKeys(JsonNode form) {
		Set<String> keys = new TreeSet<>();
		form.get("components").forEach(c -> {
			if (c.has("key") && c.at("/validate/required").asBoolean()) {
				keys.add(c.get("key").asText());
			}
		});
		return keys;
	}

	/** A REST variable without a type, as Tasklist sends strings, booleans and numbers. */
	static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

	/** A REST variable of type Json, as Tasklist sends a checklist. */
	static Map<String, Object> json(String value) {
		return Map.of("value", value, "type", "Json");
	}

	/** The decoded text of a mail: its body, or its first text part when it has attachments. */
	static String text(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			return text(multipart.getBodyPart(0));
		}
		return content.toString();
	}

	/** The file names of a mail's attachments. */
	static List<String> attachmentNames(Part part) throws Exception {
		List<String> names = new ArrayList<>();
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			names.add(part.getFileName());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				names.addAll(attachmentNames(multipart.getBodyPart(i)));
			}
		}
		return names;
	}

}
