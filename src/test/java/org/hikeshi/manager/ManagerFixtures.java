package org.hikeshi.manager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hikeshi.incident.IncidentStatus;
import org.hikeshi.incident.Phase;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incidents written straight into the incident table with known call and dispatch times, so that the dashboard's
 * figures have a known answer; {@link #delete()} takes them out again.
 */
final class ManagerFixtures {

	/** References of seeded incidents start with this, apart from anything the process creates. */
	static final String PREFIX = "IR-2026-9";

	private final JdbcClient jdbc;

	ManagerFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * October 2026 (Japan time): five engaged incidents whose dispatch is decided, three of them in time (60.0 %),
	 * one declined and one referred (not counted), and one in November (outside the period).
	 */
	List<String> october() {
		seed("IR-2026-9001", "株式会社A", jst(2026, 10, 5, 9), Duration.ofHours(5), IncidentStatus.CLOSED, Phase.CLOSED);
		seed("IR-2026-9002", "株式会社B", jst(2026, 10, 10, 18), Duration.ofHours(23).plusMinutes(59), IncidentStatus.OPEN,
				Phase.FULL_INVESTIGATION);
		seed("IR-2026-9003", "株式会社C", jst(2026, 10, 15, 8), Duration.ofHours(30), IncidentStatus.OPEN,
				Phase.FOLLOW_UP);
		seed("IR-2026-9004", "=HYPERLINK(\"x\")", jst(2026, 10, 20, 23), null, IncidentStatus.OPEN, Phase.INTAKE);
		seed("IR-2026-9005", "株式会社E", jst(2026, 10, 31, 23), Duration.ofHours(2), IncidentStatus.OPEN,
				Phase.INITIAL_INVESTIGATION);
		seed("IR-2026-9006", "株式会社F", jst(2026, 10, 12, 10), null, IncidentStatus.DECLINED, Phase.INTAKE);
		seed("IR-2026-9007", "山田 花子", jst(2026, 10, 13, 10), null, IncidentStatus.REFERRED, Phase.INTAKE);
		seed("IR-2026-9008", "株式会社H", jst(2026, 11, 1, 0), Duration.ofHours(40), IncidentStatus.OPEN,
				Phase.FULL_INVESTIGATION);
		return List.of("IR-2026-9003", "IR-2026-9004");
	}

	void seed(String reference, String organization, Instant calledAt, Duration toDispatch, IncidentStatus status,
			Phase phase) {
		Map<String, Object> values = new HashMap<>();
		values.put("reference", reference);
		values.put("organization", organization);
		values.put("calledAt", calledAt.atOffset(ZoneOffset.UTC));
		values.put("dueAt", calledAt.plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC));
		values.put("dispatchedAt", (toDispatch != null) ? calledAt.plus(toDispatch).atOffset(ZoneOffset.UTC) : null);
		values.put("closedAt", (status == IncidentStatus.CLOSED) ? calledAt.plus(Duration.ofDays(20)).atOffset(ZoneOffset.UTC) : null);
		values.put("status", status.name());
		values.put("phase", phase.name());
		this.jdbc.sql("""
				INSERT INTO incident (reference, organization, client_type, contact_name, email, phone, prefecture,
				    discovered_at, contacted_at, discovery_narrative, insider_suspected, language, status, phase,
				    dispatch_due_at, dispatched_at, closed_at, created_at)
				VALUES (:reference, :organization, 'CORPORATION', '担当 太郎', 'seed@example.co.jp', '03-0000-0000',
				    'Tokyo', :calledAt, :calledAt, 'seeded for the dashboard', FALSE, 'ja', :status, :phase, :dueAt,
				    :dispatchedAt, :closedAt, :calledAt)
				""").params(values).update();
	}

	void delete() {
		this.jdbc.sql("DELETE FROM incident WHERE reference LIKE ?").param(PREFIX + "%").update();
	}

	static Instant jst(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).atZone(DashboardService.JAPAN).toInstant();
	}

}
