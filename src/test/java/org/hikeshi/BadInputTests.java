package org.hikeshi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.hikeshi.incident.IncidentProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests against the intake and the other APIs: each is answered with the 4xx it deserves and an RFC 7807
 * problem detail, none with a 500, and none leaves an incident, a process instance or any other row behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadInputTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ID = "{incident}";

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RuntimeService runtimeService;

	private static Long incidentId;

	@BeforeEach
	void anIncidentToAddressBadRequestsTo() {
		if (incidentId == null) {
			ResponseEntity<JsonNode> created = TestUsers.as(this.anonymous, "coordinator")
				.postForEntity("/api/incidents", IntakeJson.cardDataLeak(false), JsonNode.class);
			assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			incidentId = created.getBody().get("id").asLong();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void shouldAnswerA4xxProblemAndChangeNothing(BadRequest bad) {
		Map<String, Long> before = counts();

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(bad.contentType());
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		ResponseEntity<String> response = TestUsers.as(this.anonymous, bad.user())
			.exchange(bad.path().replace(ID, String.valueOf(incidentId)), bad.method(),
					new HttpEntity<>(bad.body(), headers), String.class);

		assertThat(response.getStatusCode().value()).as("%s: %s", bad.name(), response.getBody())
			.isEqualTo(bad.expected().value());
		assertThat(response.getHeaders().getContentType()).as("%s: content type", bad.name()).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as("%s: %s is a problem detail", bad.name(), response.getHeaders().getContentType())
			.isTrue();
		JsonNode problem = read(response.getBody());
		assertThat(problem.get("status").asInt()).isEqualTo(bad.expected().value());
		assertThat(problem.path("title").asText()).isNotBlank();
		assertThat(problem.path("detail").asText()).isNotBlank();
		if (bad.field() != null) {
			assertThat(problem.get("errors")).as("%s: field errors", bad.name()).isNotNull();
			assertThat(problem.get("errors").findValuesAsText("field")).as(bad.name())
				.anyMatch(field -> field.startsWith(bad.field()));
		}
		assertThat(counts()).as("nothing half-created by %s", bad.name()).isEqualTo(before);
	}

	static Stream<BadRequest> badRequests() {
		List<BadRequest> all = new ArrayList<>();
		// --- the intake, POST /api/incidents: not JSON, or not an object
		all.add(intakeRaw("empty body", "", HttpStatus.BAD_REQUEST));
		all.add(intakeRaw("not JSON", "hello", HttpStatus.BAD_REQUEST));
		all.add(intakeRaw("truncated JSON", "{\"organization\": ", HttpStatus.BAD_REQUEST));
		all.add(intakeRaw("a JSON array", "[1, 2, 3]", HttpStatus.BAD_REQUEST));
		all.add(intakeRaw("JSON null", "null", HttpStatus.BAD_REQUEST));
		all.add(intakeRaw("a JSON string", "\"incident\"", HttpStatus.BAD_REQUEST));
		all.add(new BadRequest("text/plain body", "coordinator", HttpMethod.POST, "/api/incidents",
				MediaType.TEXT_PLAIN, json(IntakeJson.cardDataLeak(false)), HttpStatus.UNSUPPORTED_MEDIA_TYPE, null));
		all.add(new BadRequest("form-encoded body", "coordinator", HttpMethod.POST, "/api/incidents",
				MediaType.APPLICATION_FORM_URLENCODED, "organization=x", HttpStatus.UNSUPPORTED_MEDIA_TYPE, null));
		// --- the intake: each field missing, too long, of the wrong type or value
		all.add(intake("organization missing", i -> i.remove("organization"), "organization"));
		all.add(intake("organization blank", i -> i.put("organization", "   "), "organization"));
		all.add(intake("organization of 201 characters", i -> i.put("organization", "株".repeat(201)), "organization"));
		all.add(intake("organization with a line break", i -> i.put("organization", "ACME\r\nBcc: x@evil.example"),
				"organization"));
		all.add(intake("organization an object", i -> i.put("organization", Map.of("name", "ACME")), "organization"));
		all.add(intake("clientType unknown", i -> i.put("clientType", "ALIEN"), "clientType"));
		all.add(intake("clientType a number", i -> i.put("clientType", 5), "clientType"));
		all.add(intake("clientType missing", i -> i.remove("clientType"), "clientType"));
		all.add(intake("contactName missing", i -> i.remove("contactName"), "contactName"));
		all.add(intake("contactName of 101 characters", i -> i.put("contactName", "山".repeat(101)), "contactName"));
		all.add(intake("contactName with a tab", i -> i.put("contactName", "山田\t太郎"), "contactName"));
		all.add(intake("email not an address", i -> i.put("email", "not-an-email"), "email"));
		all.add(intake("email with a line break", i -> i.put("email", "a@example.co.jp\nBcc: b@evil.example"), "email"));
		all.add(intake("email of 255 characters", i -> i.put("email", "a".repeat(243) + "@example.com"), "email"));
		all.add(intake("phone with letters", i -> i.put("phone", "call me maybe"), "phone"));
		all.add(intake("phone too long", i -> i.put("phone", "0".repeat(40)), "phone"));
		all.add(intake("prefecture unknown", i -> i.put("prefecture", "Atlantis"), "prefecture"));
		all.add(intake("discoveredAt not a date", i -> i.put("discoveredAt", "yesterday"), "discoveredAt"));
		all.add(intake("discoveredAt in the future", i -> i.put("discoveredAt", "2999-01-01T00:00:00+09:00"),
				"discoveredAt"));
		all.add(intake("contactedAt in the future", i -> i.put("contactedAt", "2999-01-01T00:00:00+09:00"),
				"contactedAt"));
		all.add(intake("discovered after the contact", i -> {
			i.put("discoveredAt", "2026-11-20T12:00:00+09:00");
			i.put("contactedAt", "2026-11-20T10:00:00+09:00");
		}, "discoveredBeforeContact"));
		all.add(intake("incidentTypes empty", i -> i.put("incidentTypes", List.of()), "incidentTypes"));
		all.add(intake("incidentTypes unknown value", i -> i.put("incidentTypes", List.of("ALIENS")), "incidentTypes"));
		all.add(intake("incidentTypes not a list", i -> i.put("incidentTypes", Map.of("a", 1)), "incidentTypes"));
		all.add(intake("incidentTypes with null", i -> i.put("incidentTypes", java.util.Arrays.asList((Object) null)),
				"incidentTypes"));
		all.add(intake("dataCategories NONE with personal data",
				i -> i.put("dataCategories", List.of("NONE", "GENERAL_PERSONAL")), "dataCategoriesConsistent"));
		all.add(intake("dataCategories missing", i -> i.remove("dataCategories"), "dataCategories"));
		all.add(intake("discoveryNarrative of 4001 characters", i -> i.put("discoveryNarrative", "あ".repeat(4001)),
				"discoveryNarrative"));
		all.add(intake("discoveryNarrative missing", i -> i.remove("discoveryNarrative"), "discoveryNarrative"));
		all.add(intake("insiderSuspected not a boolean", i -> i.put("insiderSuspected", "maybe"), "insiderSuspected"));
		all.add(intake("insiderSuspected missing", i -> i.remove("insiderSuspected"), "insiderSuspected"));
		all.add(intake("language unknown", i -> i.put("language", "fr"), "language"));
		all.add(intake("an unknown field", i -> i.put("isAdmin", true), "isAdmin"));
		all.add(new BadRequest("a body over the size limit", "coordinator", HttpMethod.POST, "/api/incidents",
				MediaType.APPLICATION_JSON, json(with(i -> i.put("discoveryNarrative", "x".repeat(300_000)))),
				HttpStatus.PAYLOAD_TOO_LARGE, null));
		// --- wrong methods and paths
		all.add(request("PUT on the incident list", "coordinator", HttpMethod.PUT, "/api/incidents", "{}",
				HttpStatus.METHOD_NOT_ALLOWED));
		all.add(request("DELETE an incident", "manager", HttpMethod.DELETE, "/api/incidents/" + ID, null,
				HttpStatus.METHOD_NOT_ALLOWED));
		all.add(request("an incident id that is not a number", "coordinator", HttpMethod.GET, "/api/incidents/abc",
				null, HttpStatus.BAD_REQUEST));
		all.add(request("an incident that does not exist", "coordinator", HttpMethod.GET, "/api/incidents/987654321",
				null, HttpStatus.NOT_FOUND));
		all.add(request("an API path that does not exist", "coordinator", HttpMethod.GET, "/api/nothing-here", null,
				HttpStatus.NOT_FOUND));
		all.add(request("page size 0", "coordinator", HttpMethod.GET, "/api/incidents?size=0", null,
				HttpStatus.BAD_REQUEST));
		all.add(request("page size 10000", "coordinator", HttpMethod.GET, "/api/incidents?size=10000", null,
				HttpStatus.BAD_REQUEST));
		all.add(request("negative page", "coordinator", HttpMethod.GET, "/api/incidents?page=-1", null,
				HttpStatus.BAD_REQUEST));
		all.add(request("page not a number", "coordinator", HttpMethod.GET, "/api/incidents?page=first", null,
				HttpStatus.BAD_REQUEST));
		// --- reports
		all.add(request("report type unknown", "coordinator", HttpMethod.POST,
				"/api/incidents/" + ID + "/reports?type=BOGUS", null, HttpStatus.BAD_REQUEST));
		all.add(request("report type missing", "coordinator", HttpMethod.POST, "/api/incidents/" + ID + "/reports",
				null, HttpStatus.BAD_REQUEST));
		all.add(request("report id not a number", "coordinator", HttpMethod.GET,
				"/api/incidents/" + ID + "/reports/latest.pdf", null, HttpStatus.BAD_REQUEST));
		// --- quotes and expenses
		all.add(request("quote line quantity 0", "coordinator", HttpMethod.POST, "/api/incidents/" + ID + "/quote/lines",
				"{\"code\":\"DATA_RECOVERY\",\"quantity\":0}", HttpStatus.BAD_REQUEST));
		all.add(request("quote line quantity not a number", "coordinator", HttpMethod.POST,
				"/api/incidents/" + ID + "/quote/lines", "{\"code\":\"DATA_RECOVERY\",\"quantity\":\"many\"}",
				HttpStatus.BAD_REQUEST));
		all.add(request("quote line quantity 10001", "coordinator", HttpMethod.POST,
				"/api/incidents/" + ID + "/quote/lines", "{\"code\":\"DATA_RECOVERY\",\"quantity\":10001}",
				HttpStatus.BAD_REQUEST));
		all.add(request("quote line without a code", "coordinator", HttpMethod.POST,
				"/api/incidents/" + ID + "/quote/lines", "{\"quantity\":1}", HttpStatus.BAD_REQUEST));
		all.add(request("quote line id not a number", "coordinator", HttpMethod.PATCH,
				"/api/incidents/" + ID + "/quote/lines/first", "{\"quantity\":1}", HttpStatus.BAD_REQUEST));
		all.add(request("expense kind unknown", "coordinator", HttpMethod.POST, "/api/incidents/" + ID + "/expenses",
				"{\"kind\":\"CHAMPAGNE\",\"description\":\"x\",\"unitPrice\":1000,\"quantity\":1}",
				HttpStatus.BAD_REQUEST));
		all.add(request("expense with a negative price", "coordinator", HttpMethod.POST,
				"/api/incidents/" + ID + "/expenses",
				"{\"kind\":\"TRANSPORT\",\"description\":\"新幹線\",\"unitPrice\":-1000,\"quantity\":1}",
				HttpStatus.BAD_REQUEST));
		// --- the catalog
		all.add(request("catalog version without items", "manager", HttpMethod.POST, "/api/pricing/catalog/versions",
				"{}", HttpStatus.BAD_REQUEST));
		all.add(request("catalog version not a number", "coordinator", HttpMethod.GET,
				"/api/pricing/catalog/versions/latest", null, HttpStatus.BAD_REQUEST));
		// --- managers' tools
		all.add(request("audit limit 0", "manager", HttpMethod.GET, "/api/audit?limit=0", null, HttpStatus.BAD_REQUEST));
		all.add(request("audit from not a date", "manager", HttpMethod.GET, "/api/audit?from=last-week", null,
				HttpStatus.BAD_REQUEST));
		all.add(request("audit window backwards", "manager", HttpMethod.GET,
				"/api/audit?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", null, HttpStatus.BAD_REQUEST));
		all.add(request("audit user with markup", "manager", HttpMethod.GET, "/api/audit?user=<script>", null,
				HttpStatus.BAD_REQUEST));
		all.add(request("outbox status unknown", "manager", HttpMethod.GET, "/api/notifications/outbox?status=LOST",
				null, HttpStatus.BAD_REQUEST));
		all.add(request("outbox mail id not a number", "manager", HttpMethod.POST,
				"/api/notifications/outbox/first/retry", null, HttpStatus.BAD_REQUEST));
		all.add(request("retry a mail that does not exist", "manager", HttpMethod.POST,
				"/api/notifications/outbox/987654321/retry", null, HttpStatus.NOT_FOUND));
		// --- the engine's REST API (Tasklist's actions): a task that does not exist (completed meanwhile)
		String unknownTask = "/engine-rest/task/no-such-task";
		all.add(request("claim an unknown task", "coordinator", HttpMethod.POST, unknownTask + "/claim",
				"{\"userId\":\"coordinator\"}", HttpStatus.NOT_FOUND));
		all.add(request("unclaim an unknown task", "coordinator", HttpMethod.POST, unknownTask + "/unclaim", null,
				HttpStatus.NOT_FOUND));
		all.add(request("assign an unknown task", "manager", HttpMethod.POST, unknownTask + "/assignee",
				"{\"userId\":\"coordinator\"}", HttpStatus.NOT_FOUND));
		all.add(request("delegate an unknown task", "coordinator", HttpMethod.POST, unknownTask + "/delegate",
				"{\"userId\":\"manager\"}", HttpStatus.NOT_FOUND));
		all.add(request("resolve an unknown task", "coordinator", HttpMethod.POST, unknownTask + "/resolve", "{}",
				HttpStatus.NOT_FOUND));
		all.add(request("complete an unknown task", "coordinator", HttpMethod.POST, unknownTask + "/complete", "{}",
				HttpStatus.NOT_FOUND));
		all.add(request("submit the form of an unknown task", "coordinator", HttpMethod.POST,
				unknownTask + "/submit-form", "{\"variables\":{}}", HttpStatus.NOT_FOUND));
		all.add(request("add a candidate group to an unknown task", "manager", HttpMethod.POST,
				unknownTask + "/identity-links", "{\"groupId\":\"managers\",\"type\":\"candidate\"}",
				HttpStatus.NOT_FOUND));
		return all.stream();
	}

	/** Rows that a request could half-create. */
	private Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		for (String table : List.of("incident", "incident_type", "incident_data_category", "mail_outbox", "report",
				"pricing_quote", "pricing_quote_line", "pricing_expense", "pricing_catalog_version", "audit_event")) {
			counts.put(table, this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		counts.put("process instances", this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(IncidentProcess.PROCESS_KEY)
			.count());
		return counts;
	}

	private static BadRequest intakeRaw(String name, String body, HttpStatus expected) {
		return new BadRequest(name, "coordinator", HttpMethod.POST, "/api/incidents", MediaType.APPLICATION_JSON, body,
				expected, null);
	}

	private static BadRequest intake(String name, Consumer<Map<String, Object>> change, String field) {
		return new BadRequest(name, "coordinator", HttpMethod.POST, "/api/incidents", MediaType.APPLICATION_JSON,
				json(with(change)), HttpStatus.BAD_REQUEST, field);
	}

	private static BadRequest request(String name, String user, HttpMethod method, String path, String body,
			HttpStatus expected) {
		return new BadRequest(name, user, method, path, MediaType.APPLICATION_JSON, body, expected, null);
	}

	private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
		Map<String, Object> intake = new HashMap<>(IntakeJson.cardDataLeak(false));
		change.accept(intake);
		return intake;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode read(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + body, ex);
		}
	}

	record BadRequest(String name, String user, HttpMethod method, String path, MediaType contentType, String body,
			HttpStatus expected, String field) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
