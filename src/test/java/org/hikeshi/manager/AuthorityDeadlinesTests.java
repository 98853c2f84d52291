package org.hikeshi.manager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import org.hikeshi.IntakeJson;
import org.hikeshi.TestUsers;
import org.hikeshi.support.DeadlineKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The regulatory deadlines on the dashboard: reports not filed yet, overdue ones included, filed ones not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthorityDeadlinesTests {

	@Autowired
	private AuthorityDeadlines deadlines;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestRestTemplate anonymous;

	@Test
	void shouldListTheReportsNotFiledYetSoonestFirst() {
		JsonNode incident = TestUsers.as(this.anonymous, "coordinator")
			.postForEntity("/api/incidents", IntakeJson.cardDataLeak(false), JsonNode.class)
			.getBody();
		long id = incident.get("id").asLong();
		Instant now = Instant.parse("2026-12-01T00:00:00Z");
		insert(id, 1, DeadlineKind.PPC_PRELIMINARY, now.minus(Duration.ofHours(2)), null, "MISSED");
		insert(id, 2, DeadlineKind.GDPR, now.plus(Duration.ofHours(30)), null, "OPEN");
		insert(id, 3, DeadlineKind.PPC_FINAL, now.plus(Duration.ofDays(20)), now, "MET");

		var open = this.deadlines.openBefore(now.plus(Duration.ofHours(72)), now)
			.stream()
			.filter(d -> d.incidentId() == id)
			.toList();

		assertThat(open).extracting(Deadline::kind).containsExactly("PPC_PRELIMINARY", "GDPR");
		assertThat(open).extracting(Deadline::overdue).containsExactly(true, false);
		assertThat(open.get(0).labelJa()).isEqualTo(DeadlineKind.PPC_PRELIMINARY.japanese());
		assertThat(open.get(0).reference()).isEqualTo(incident.get("reference").asText());
	}

	private void insert(long incidentId, int seq, DeadlineKind kind, Instant due, Instant filed, String status) {
		OffsetDateTime aware = OffsetDateTime.of(2026, 11, 28, 0, 0, 0, 0, ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO authority_deadline (incident_id, seq, kind, legal_basis, aware_at, warning_at, due_at,
				    filed_at, status)
				VALUES (?, ?, ?, 'test', ?, ?, ?, ?, ?)""")
			.params(incidentId, seq, kind.name(), aware, aware, due.atOffset(ZoneOffset.UTC),
					filed == null ? null : filed.atOffset(ZoneOffset.UTC), status)
			.update();
	}

}
