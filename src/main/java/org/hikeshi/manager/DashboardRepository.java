package org.hikeshi.manager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hikeshi.incident.Phase;
import org.hikeshi.notification.OutboxStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries of the dashboard over our tables (incidents, reports, mail outbox), counted from the records
 * every time, never kept as counters. Portable SQL (H2 and PostgreSQL).
 */
@Repository
class DashboardRepository {

	private static final String INITIAL_REPORT = "INITIAL";

	private final JdbcClient jdbc;

	DashboardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open incidents per phase, every phase but {@link Phase#CLOSED} present (zero when none). */
	Map<Phase, Long> openByPhase() {
		Map<Phase, Long> counts = new EnumMap<>(Phase.class);
		for (Phase phase : Phase.values()) {
			if (phase != Phase.CLOSED) {
				counts.put(phase, 0L);
			}
		}
		this.jdbc.sql("SELECT phase, COUNT(*) AS n FROM incident WHERE status = 'OPEN' GROUP BY phase")
			.query(rs -> {
				counts.put(Phase.valueOf(rs.getString("phase")), rs.getLong("n"));
			});
		return counts;
	}

	/** The incidents whose call came in {@code [from, to)}, oldest call first, with their first initial report. */
	List<PeriodIncident> calledBetween(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT i.id, i.reference, i.organization, i.status, i.phase, i.contacted_at, i.dispatch_due_at,
				    i.dispatched_at, i.dispatch_sla_breached_at, i.closed_at,
				    (SELECT MIN(r.created_at) FROM report r
				     WHERE r.incident_id = i.id AND r.report_type = :initial) AS initial_report_at
				FROM incident i
				WHERE i.contacted_at >= :from AND i.contacted_at < :to
				ORDER BY i.contacted_at, i.id
				""")
			.param("initial", INITIAL_REPORT)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, row) -> new PeriodIncident(rs.getLong("id"), rs.getString("reference"),
					rs.getString("organization"), rs.getString("status"), rs.getString("phase"),
					instant(rs, "contacted_at"), instant(rs, "dispatch_due_at"), instant(rs, "dispatched_at"),
					instant(rs, "dispatch_sla_breached_at"), instant(rs, "initial_report_at"),
					instant(rs, "closed_at")))
			.list();
	}

	/** Mail per outbox status (every status present), the oldest unsent mail, and what was sent since {@code since}. */
	OutboxCounts outbox(Instant since) {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status").query(rs -> {
			counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"));
		});
		Instant oldestUnsent = this.jdbc
			.sql("SELECT MIN(created_at) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')")
			.query((rs, row) -> instant(rs, 1))
			.list()
			.get(0);
		long sentSince = this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND sent_at >= ?")
			.param(utc(since))
			.query(Long.class)
			.single();
		List<FailedMail> failed = this.jdbc.sql("""
				SELECT o.id, i.reference, o.event, o.attempts, o.last_error, o.created_at FROM mail_outbox o
				JOIN incident i ON i.id = o.incident_id
				WHERE o.status = 'FAILED' ORDER BY o.id DESC FETCH FIRST 20 ROWS ONLY
				""")
			.query((rs, row) -> new FailedMail(rs.getLong("id"), rs.getString("reference"), rs.getString("event"),
					rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at")))
			.list();
		return new OutboxCounts(counts, oldestUnsent, sentSince, failed);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record PeriodIncident(long id, String reference, String organization, String status, String phase,
			Instant contactedAt, Instant dispatchDueAt, Instant dispatchedAt, Instant slaBreachedAt,
			Instant initialReportAt, Instant closedAt) {
	}

	record OutboxCounts(Map<OutboxStatus, Long> byStatus, Instant oldestUnsentAt, long sentSince,
			List<FailedMail> failed) {
	}

	record FailedMail(long id, String reference, String event, int attempts, String lastError, Instant createdAt) {
	}

}
