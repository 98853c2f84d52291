package org.hikeshi.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables through plain JDBC. Every state change is one conditional {@code UPDATE}, so two nodes that
 * share the database never both own a mail: whoever changes the row first has it.
 */
@Repository
class OutboxRepository {

	static final String RECIPIENT_SEPARATOR = ", ";

	/**
	 * Rows due now that are the first unsent row of their incident: the only one of it that may go out next. Both
	 * parts of the union are found through {@code ix_mail_outbox_status_due}, the earlier rows of each candidate's
	 * incident through {@code ix_mail_outbox_incident}; no part reads the sent mail, which is nearly all of the table
	 * (a grouping over every unsent row made each poll read all of it: docs/performance.md).
	 */
	private static final String HEADS = """
			SELECT * FROM (
			    SELECT * FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
			    UNION ALL
			    SELECT * FROM mail_outbox WHERE status = 'SENDING' AND claimed_until < :now
			) o
			WHERE NOT EXISTS (SELECT 1 FROM mail_outbox e
			                  WHERE e.incident_id = o.incident_id AND e.id < o.id AND e.status <> 'SENT')
			ORDER BY o.next_attempt_at, o.id
			FETCH FIRST :limit ROWS ONLY
			""";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String idempotencyKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(Long.class)
			.single() > 0;
	}

	/** Inserts a pending mail and its attachments; a second row with the same key is a {@code DuplicateKeyException}. */
	long insert(String idempotencyKey, long incidentId, String processInstanceId, String event,
			OutboxMail.Audience audience, List<String> recipients, MailTemplates.MailContent content,
			List<OutboxMail.Attachment> attachments, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mail_outbox (idempotency_key, incident_id, process_instance_id, event, audience, recipients,
				    subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
				VALUES (:key, :incidentId, :pi, :event, :audience, :recipients, :subject, :text, :html, 'PENDING', 0,
				    :now, :now)
				""")
			.param("key", idempotencyKey)
			.param("incidentId", incidentId)
			.param("pi", processInstanceId)
			.param("event", event)
			.param("audience", audience.name())
			.param("recipients", String.join(RECIPIENT_SEPARATOR, recipients))
			.param("subject", content.subject())
			.param("text", content.text())
			.param("html", content.html())
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (OutboxMail.Attachment attachment : attachments) {
			this.jdbc.sql("""
					INSERT INTO mail_outbox_attachment (mail_id, report_id, file_name, content_type, content)
					VALUES (?, ?, ?, ?, ?)
					""")
				.params(id, attachment.reportId(), attachment.fileName(), attachment.contentType(),
						attachment.content())
				.update();
		}
		return id;
	}

	Optional<OutboxMail> find(long id) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query(this::map).optional();
	}

	Optional<OutboxMail> findByKey(String idempotencyKey) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(this::map)
			.optional();
	}

	/** The newest first. */
	List<OutboxMail> findByStatus(OutboxStatus status, int limit) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE status = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
			.params(status.name(), limit)
			.query(this::map)
			.list();
	}

	/** The newest first. */
	List<OutboxMail> findAll(int limit) {
		return this.jdbc.sql("SELECT * FROM mail_outbox ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
			.param(limit)
			.query(this::map)
			.list();
	}

	List<OutboxMail> findByIncident(long incidentId) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE incident_id = ? ORDER BY id")
			.param(incidentId)
			.query(this::map)
			.list();
	}

	List<OutboxMail.Attachment> attachments(long mailId) {
		return this.jdbc.sql("""
				SELECT report_id, file_name, content_type, content FROM mail_outbox_attachment
				WHERE mail_id = ? ORDER BY id
				""").param(mailId).query(OutboxRepository::mapAttachment).list();
	}

	/** The reports that were attached to client mail of the incident, each once (its latest mailing). */
	List<SentReport> clientReports(long incidentId) {
		return this.jdbc.sql("""
				SELECT a.report_id, a.file_name, MAX(o.sent_at) AS sent_at FROM mail_outbox_attachment a
				JOIN mail_outbox o ON o.id = a.mail_id
				WHERE o.incident_id = ? AND o.audience = 'CLIENT' AND o.status = 'SENT' AND a.report_id IS NOT NULL
				GROUP BY a.report_id, a.file_name
				ORDER BY MAX(o.sent_at), a.report_id
				""")
			.param(incidentId)
			.query((rs, row) -> new SentReport(rs.getLong("report_id"), rs.getString("file_name"),
					instant(rs, "sent_at")))
			.list();
	}

	/** A report as it was mailed to the client of this incident; nothing of other incidents. */
	Optional<OutboxMail.Attachment> clientReport(long incidentId, long reportId) {
		return this.jdbc.sql("""
				SELECT a.report_id, a.file_name, a.content_type, a.content FROM mail_outbox_attachment a
				JOIN mail_outbox o ON o.id = a.mail_id
				WHERE o.incident_id = ? AND o.audience = 'CLIENT' AND o.status = 'SENT' AND a.report_id = ?
				ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY
				""").params(incidentId, reportId).query(OutboxRepository::mapAttachment).optional();
	}

	List<OutboxMail> dueHeads(Instant now, int limit) {
		return this.jdbc.sql(HEADS).param("now", utc(now)).param("limit", limit).query(this::map).list();
	}

	/** Takes a due mail for this node; false when another node was first or it is no longer due. */
	boolean claim(long id, String node, Instant now, Instant until) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claimed_by = :node, claimed_until = :until
				WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now)
				                    OR (status = 'SENDING' AND claimed_until < :now))
				""")
			.param("node", node)
			.param("until", utc(until))
			.param("id", id)
			.param("now", utc(now))
			.update() == 1;
	}

	boolean markSent(long id, String node, Instant now) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL,
				    claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
				""").params(utc(now), id, node).update() == 1;
	}

	boolean markRetry(long id, String node, Instant nextAttemptAt, String error) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
				    claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
				""").params(utc(nextAttemptAt), error, id, node).update() == 1;
	}

	boolean markFailed(long id, String node, String error) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?,
				    claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
				""").params(error, id, node).update() == 1;
	}

	void recordCamundaIncident(long id, String camundaIncidentId) {
		this.jdbc.sql("UPDATE mail_outbox SET camunda_incident_id = ? WHERE id = ?")
			.params(camundaIncidentId, id)
			.update();
	}

	/** A failed mail back to pending, attempts from zero, due now; false unless it was {@code FAILED}. */
	boolean retry(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, camunda_incident_id = NULL
				WHERE id = ? AND status = 'FAILED'
				""").params(utc(now), id).update() == 1;
	}

	private OutboxMail map(ResultSet rs, int row) throws SQLException {
		return new OutboxMail(rs.getLong("id"), rs.getString("idempotency_key"), rs.getLong("incident_id"),
				rs.getString("process_instance_id"), rs.getString("event"),
				OutboxMail.Audience.valueOf(rs.getString("audience")),
				Arrays.asList(rs.getString("recipients").split(RECIPIENT_SEPARATOR)), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), OutboxStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("claimed_by"),
				instant(rs, "claimed_until"), rs.getString("last_error"), rs.getString("camunda_incident_id"),
				instant(rs, "created_at"), instant(rs, "sent_at"));
	}

	private static OutboxMail.Attachment mapAttachment(ResultSet rs, int row) throws SQLException {
		long reportId = rs.getLong("report_id");
		return new OutboxMail.Attachment(rs.wasNull() ? null : reportId, rs.getString("file_name"),
				rs.getString("content_type"), rs.getBytes("content"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** A report the client received by mail. */
	record SentReport(long reportId, String fileName, Instant sentAt) {
	}

}
