package org.hikeshi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must stay unique when many requests (on one node or several sharing the database) create the same thing at
 * the same instant, on the default H2 database (PostgreSQL: {@link PostgresIncidentLifecycleTests}, {@link ClusterIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentPublicationTests {

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldPublishOnlyOneOfSeveralCatalogVersionsMadeFromTheSameVersion() throws Exception {
		// what a manager does: take the current catalog, change it, post it back
		JsonNode current = manager().getForObject("/api/pricing/catalog", JsonNode.class);
		int base = current.get("version").asInt();
		ObjectNode changed = current.deepCopy();
		changed.put("note", "値上げ");

		List<ResponseEntity<JsonNode>> answers = Concurrently.run(4, () -> publish(changed));

		assertThat(answers).extracting(ResponseEntity::getStatusCode)
			.containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT)
			.filteredOn(HttpStatus.CREATED::equals)
			.hasSize(1);
		assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CREATED)
			.singleElement()
			.satisfies(a -> assertThat(a.getBody().get("version").asInt()).isEqualTo(base + 1));
		assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT).allSatisfy(a -> {
			assertThat(a.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
			assertThat(a.getBody().get("title").asText()).isIn("Catalog version taken", "Catalog changed meanwhile");
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM pricing_catalog_version WHERE version > ?")
			.param(base)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the same outdated changes later: refused, naming the newest version
		ResponseEntity<JsonNode> late = publish(changed);
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(late.getBody().get("detail").asText()).isEqualTo("These changes were made to catalog version "
				+ base + ", but the newest version is " + (base + 1) + ": load it, make your changes to it and publish again.");

		// changes made to the newest version are published
		JsonNode newest = manager().getForObject("/api/pricing/catalog", JsonNode.class);
		ResponseEntity<JsonNode> next = publish(newest);
		assertThat(next.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(next.getBody().get("version").asInt()).isEqualTo(base + 2);
	}

	@Test
	void shouldGiveSimultaneousIntakesConsecutiveReferences() throws Exception {
		// a year of its own: its counter row does not exist yet, so the intakes also race to create it
		OffsetDateTime contactedAt = OffsetDateTime.parse("2018-06-03T10:00:00+09:00");
		int intakes = 6;

		List<ResponseEntity<JsonNode>> answers = Concurrently.run(intakes,
				() -> coordinator().postForEntity("/api/incidents", IntakeJson.cardDataLeak(contactedAt), JsonNode.class));

		assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
		assertThat(answers).extracting(a -> a.getBody().get("reference").asText())
			.containsExactlyInAnyOrderElementsOf(Set.of("IR-2018-0001", "IR-2018-0002", "IR-2018-0003",
					"IR-2018-0004", "IR-2018-0005", "IR-2018-0006"));
	}

	private ResponseEntity<JsonNode> publish(JsonNode catalog) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return manager().postForEntity("/api/pricing/catalog/versions", new HttpEntity<>(catalog, headers),
				JsonNode.class);
	}

	private TestRestTemplate manager() {
		return this.anonymous.withBasicAuth("manager", "manager");
	}

	private TestRestTemplate coordinator() {
		return this.anonymous.withBasicAuth("coordinator", "coordinator");
	}

}
