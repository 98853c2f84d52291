package org.hikeshi.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Report deadlines and support documents, through plain JDBC. */
@Repository
class SupportRepository {

	private final JdbcClient jdbc;

	SupportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertDeadline(long incidentId, int seq, DeadlineRules.Scheduled deadline, Instant awareAt) {
		this.jdbc.sql("""
				INSERT INTO authority_deadline (incident_id, seq, kind, legal_basis, aware_at, warning_at, due_at, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')
				""")
			.params(incidentId, seq, deadline.kind().name(), deadline.legalBasis(), utc(awareAt),
					utc(deadline.warningAt()), utc(deadline.dueAt()))
			.update();
	}

	List<AuthorityDeadline> deadlines(long incidentId) {
		return this.jdbc.sql("SELECT * FROM authority_deadline WHERE incident_id = ? ORDER BY seq")
			.param(incidentId)
			.query(SupportRepository::deadline)
			.list();
	}

	Optional<AuthorityDeadline> deadline(long incidentId, int seq) {
		return this.jdbc.sql("SELECT * FROM authority_deadline WHERE incident_id = ? AND seq = ?")
			.params(incidentId, seq)
			.query(SupportRepository::deadline)
			.optional();
	}

	Optional<AuthorityDeadline> deadline(long id) {
		return this.jdbc.sql("SELECT * FROM authority_deadline WHERE id = ?")
			.param(id)
			.query(SupportRepository::deadline)
			.optional();
	}

	void warned(long id, Instant at) {
		this.jdbc.sql("UPDATE authority_deadline SET warned_at = ? WHERE id = ? AND warned_at IS NULL")
			.params(utc(at), id)
			.update();
	}

	void missed(long id, Instant at) {
		this.jdbc.sql("""
				UPDATE authority_deadline SET missed_at = ?, status = 'MISSED'
				WHERE id = ? AND missed_at IS NULL AND filed_at IS NULL
				""")
			.params(utc(at), id)
			.update();
	}

	void filed(long id, Instant filedAt, String user, String receipt, String items, AuthorityDeadline.Status status) {
		this.jdbc.sql("""
				UPDATE authority_deadline SET filed_at = ?, filed_by = ?, receipt = ?, report_items = ?, status = ?
				WHERE id = ?
				""")
			.params(utc(filedAt), user, receipt, items, status.name(), id)
			.update();
	}

	void insertDocument(long incidentId, SupportDocument.Kind kind, String content, String user, Instant at) {
		this.jdbc.sql("""
				INSERT INTO support_document (incident_id, kind, version, content, created_by, created_at)
				VALUES (?, ?, (SELECT COALESCE(MAX(version), 0) + 1 FROM support_document WHERE incident_id = ? AND kind = ?),
				    ?, ?, ?)
				""")
			.params(incidentId, kind.name(), incidentId, kind.name(), content, user, utc(at))
			.update();
	}

	List<SupportDocument> documents(long incidentId) {
		return this.jdbc.sql("SELECT * FROM support_document WHERE incident_id = ? ORDER BY kind, version")
			.param(incidentId)
			.query((rs, row) -> new SupportDocument(rs.getLong("id"), rs.getLong("incident_id"),
					SupportDocument.Kind.valueOf(rs.getString("kind")), rs.getInt("version"), rs.getString("content"),
					rs.getString("created_by"), instant(rs, "created_at")))
			.list();
	}

	private static AuthorityDeadline deadline(ResultSet rs, int row) throws SQLException {
		return new AuthorityDeadline(rs.getLong("id"), rs.getLong("incident_id"), rs.getInt("seq"),
				DeadlineKind.valueOf(rs.getString("kind")), rs.getString("legal_basis"), instant(rs, "aware_at"),
				instant(rs, "warning_at"), instant(rs, "due_at"), instant(rs, "warned_at"), instant(rs, "missed_at"),
				instant(rs, "filed_at"), rs.getString("filed_by"), rs.getString("receipt"), rs.getString("report_items"),
				AuthorityDeadline.Status.valueOf(rs.getString("status")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
