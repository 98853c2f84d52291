package org.hikeshi.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Monitoring periods, alerts and monthly reports, through plain JDBC. */
@Repository
class MonitoringRepository {

	private final JdbcClient jdbc;

	MonitoringRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertPeriod(MonitoringPeriod period) {
		this.jdbc.sql("""
				INSERT INTO monitoring_period (incident_id, sensor_location, sysadmin_name, sysadmin_email, started_at,
				    contracted_months, extended_months, ends_at)
				VALUES (:incident, :location, :name, :email, :started, :months, 0, :ends)
				""")
			.param("incident", period.incidentId())
			.param("location", period.sensorLocation())
			.param("name", period.sysadminName())
			.param("email", period.sysadminEmail())
			.param("started", utc(period.startedAt()))
			.param("months", period.contractedMonths())
			.param("ends", utc(period.endsAt()))
			.update();
	}

	Optional<MonitoringPeriod> period(long incidentId) {
		return this.jdbc.sql("SELECT * FROM monitoring_period WHERE incident_id = ?")
			.param(incidentId)
			.query(MonitoringRepository::period)
			.optional();
	}

	/** The period, locked: alerts of one incident are taken one after the other (storm collapse, correlation). */
	Optional<MonitoringPeriod> lockPeriod(long incidentId) {
		return this.jdbc.sql("SELECT * FROM monitoring_period WHERE incident_id = ? FOR UPDATE")
			.param(incidentId)
			.query(MonitoringRepository::period)
			.optional();
	}

	void extend(long incidentId, int months, Instant endsAt) {
		this.jdbc.sql("UPDATE monitoring_period SET extended_months = extended_months + ?, ends_at = ? WHERE incident_id = ?")
			.params(months, utc(endsAt), incidentId)
			.update();
	}

	void end(long incidentId, Instant endedAt, boolean early, String reason) {
		this.jdbc.sql("""
				UPDATE monitoring_period SET ended_at = ?, ended_early = ?, end_reason = ?
				WHERE incident_id = ? AND ended_at IS NULL
				""")
			.params(utc(endedAt), early, reason, incidentId)
			.update();
	}

	long insertAlert(Alert alert) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO monitoring_alert (incident_id, source, signature, signature_class, severity, danger,
				    occurred_at, raw_event, received_at, received_by, duplicate_of, occurrences, last_occurred_at,
				    correlated)
				VALUES (:incident, :source, :signature, :class, :severity, :danger, :occurred, :raw, :received, :by,
				    :duplicateOf, 1, :occurred, FALSE)
				""")
			.param("incident", alert.incidentId())
			.param("source", alert.source())
			.param("signature", alert.signature())
			.param("class", alert.signatureClass().name())
			.param("severity", alert.severity())
			.param("danger", alert.danger().name())
			.param("occurred", utc(alert.occurredAt()))
			.param("raw", alert.rawEvent())
			.param("received", utc(alert.receivedAt()))
			.param("by", alert.receivedBy())
			.param("duplicateOf", alert.duplicateOf())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * The primary alert a new one of this signature collapses into: the latest primary of the same signature whose
	 * last occurrence is within the window and whose danger is at least as high.
	 */
	Optional<Alert> collapsibleInto(long incidentId, String signature, Instant windowStart, List<Danger> atLeast) {
		return this.jdbc.sql("""
				SELECT * FROM monitoring_alert
				WHERE incident_id = :incident AND signature = :signature AND duplicate_of IS NULL
				  AND last_occurred_at >= :since AND danger IN (:dangers)
				ORDER BY last_occurred_at DESC, id DESC
				""")
			.param("incident", incidentId)
			.param("signature", signature)
			.param("since", utc(windowStart))
			.param("dangers", atLeast.stream().map(Danger::name).toList())
			.query(MonitoringRepository::alert)
			.stream()
			.findFirst();
	}

	void countOccurrence(long primaryId, Instant occurredAt) {
		this.jdbc.sql("""
				UPDATE monitoring_alert SET occurrences = occurrences + 1,
				    last_occurred_at = CASE WHEN last_occurred_at < :at THEN :at ELSE last_occurred_at END
				WHERE id = :id
				""")
			.param("at", utc(occurredAt))
			.param("id", primaryId)
			.update();
	}

	void markCorrelated(long alertId) {
		this.jdbc.sql("UPDATE monitoring_alert SET correlated = TRUE WHERE id = ?").param(alertId).update();
	}

	void assess(long alertId, String verdict, String actionTaken, String user, Instant at) {
		this.jdbc.sql("""
				UPDATE monitoring_alert SET verdict = ?, action_taken = ?, assessed_by = ?, assessed_at = ? WHERE id = ?
				""")
			.params(verdict, actionTaken, user, utc(at), alertId)
			.update();
	}

	Optional<Alert> alert(long alertId) {
		return this.jdbc.sql("SELECT * FROM monitoring_alert WHERE id = ?")
			.param(alertId)
			.query(MonitoringRepository::alert)
			.optional();
	}

	List<Alert> alerts(long incidentId, int offset, int limit) {
		return this.jdbc.sql("SELECT * FROM monitoring_alert WHERE incident_id = ? ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(incidentId, offset, limit)
			.query(MonitoringRepository::alert)
			.list();
	}

	/** Alerts that occurred in [from, to). */
	List<Alert> alertsBetween(long incidentId, Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT * FROM monitoring_alert WHERE incident_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY id
				""")
			.params(incidentId, utc(from), utc(to))
			.query(MonitoringRepository::alert)
			.list();
	}

	Optional<MonitoringReport> lastReport(long incidentId) {
		return this.jdbc.sql("SELECT * FROM monitoring_report WHERE incident_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
			.param(incidentId)
			.query(MonitoringRepository::report)
			.optional();
	}

	List<MonitoringReport> reports(long incidentId) {
		return this.jdbc.sql("SELECT * FROM monitoring_report WHERE incident_id = ? ORDER BY seq")
			.param(incidentId)
			.query(MonitoringRepository::report)
			.list();
	}

	long insertReport(MonitoringReport report) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO monitoring_report (incident_id, seq, period_start, period_end, critical_count, high_count,
				    medium_count, low_count, collapsed_count, summary, created_at)
				VALUES (:incident, :seq, :start, :end, :critical, :high, :medium, :low, :collapsed, :summary, :created)
				""")
			.param("incident", report.incidentId())
			.param("seq", report.seq())
			.param("start", utc(report.periodStart()))
			.param("end", utc(report.periodEnd()))
			.param("critical", report.critical())
			.param("high", report.high())
			.param("medium", report.medium())
			.param("low", report.low())
			.param("collapsed", report.collapsed())
			.param("summary", report.summary())
			.param("created", utc(report.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static MonitoringPeriod period(ResultSet rs, int row) throws SQLException {
		Object early = rs.getObject("ended_early");
		return new MonitoringPeriod(rs.getLong("incident_id"), rs.getString("sensor_location"),
				rs.getString("sysadmin_name"), rs.getString("sysadmin_email"), instant(rs, "started_at"),
				rs.getInt("contracted_months"), rs.getInt("extended_months"), instant(rs, "ends_at"),
				instant(rs, "ended_at"), early == null ? null : rs.getBoolean("ended_early"), rs.getString("end_reason"));
	}

	private static Alert alert(ResultSet rs, int row) throws SQLException {
		long duplicate = rs.getLong("duplicate_of");
		Long duplicateOf = rs.wasNull() ? null : duplicate;
		return new Alert(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("source"), rs.getString("signature"),
				SignatureClass.valueOf(rs.getString("signature_class")), rs.getInt("severity"),
				Danger.valueOf(rs.getString("danger")), instant(rs, "occurred_at"), rs.getString("raw_event"),
				instant(rs, "received_at"), rs.getString("received_by"), duplicateOf,
				rs.getInt("occurrences"), instant(rs, "last_occurred_at"), rs.getBoolean("correlated"),
				rs.getString("verdict"), rs.getString("action_taken"), rs.getString("assessed_by"),
				instant(rs, "assessed_at"));
	}

	private static MonitoringReport report(ResultSet rs, int row) throws SQLException {
		return new MonitoringReport(rs.getLong("id"), rs.getLong("incident_id"), rs.getInt("seq"),
				instant(rs, "period_start"), instant(rs, "period_end"), rs.getInt("critical_count"),
				rs.getInt("high_count"), rs.getInt("medium_count"), rs.getInt("low_count"),
				rs.getInt("collapsed_count"), rs.getString("summary"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
