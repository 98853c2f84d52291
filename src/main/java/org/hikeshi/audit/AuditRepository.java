package org.hikeshi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_event} table: append-only, nothing here updates or deletes a row. */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Instant at, String userId, String action, String method, String path, int status, Long incidentId) {
		this.jdbc.sql("""
				INSERT INTO audit_event (occurred_at, user_id, action, http_method, path, status, incident_id)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), userId, action, method, path, status, incidentId)
			.update();
	}

	/** Newest first, at most {@code limit}, within the bounds given (each may be null). */
	List<AuditEntry> find(AuditQuery query) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE occurred_at >= :from AND occurred_at < :to");
		if (query.userId() != null) {
			sql.append(" AND user_id = :user");
		}
		if (query.incidentId() != null) {
			sql.append(" AND incident_id = :incident");
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST :limit ROWS ONLY");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC))
			.param("limit", query.limit());
		if (query.userId() != null) {
			statement = statement.param("user", query.userId());
		}
		if (query.incidentId() != null) {
			statement = statement.param("incident", query.incidentId());
		}
		return statement.query(this::map).list();
	}

	private AuditEntry map(ResultSet rs, int row) throws SQLException {
		Timestamp at = rs.getTimestamp("occurred_at");
		long incident = rs.getLong("incident_id");
		Long incidentId = rs.wasNull() ? null : incident;
		return new AuditEntry(at.toInstant(), rs.getString("user_id"), AuditEntry.Source.API, rs.getString("action"),
				rs.getString("http_method") + " " + rs.getString("path"), incidentId, null, "HTTP " + rs.getInt("status"));
	}

}
