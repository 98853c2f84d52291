package org.hikeshi.manager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.hikeshi.support.DeadlineKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The regulatory deadlines not yet met: the reports to the Personal Information Protection Commission (速報, 確報)
 * and under GDPR that are not filed yet (the {@code authority_deadline} table of {@code org.hikeshi.support}),
 * overdue ones included.
 */
@Component
class AuthorityDeadlines implements Deadline.Source {

	private final JdbcClient jdbc;

	AuthorityDeadlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Deadline> openBefore(Instant until, Instant now) {
		return this.jdbc.sql("""
				SELECT d.incident_id, i.reference, i.organization, d.kind, d.due_at
				FROM authority_deadline d JOIN incident i ON i.id = d.incident_id
				WHERE d.filed_at IS NULL AND d.due_at < :until
				ORDER BY d.due_at
				""").param("until", until.atOffset(ZoneOffset.UTC)).query((rs, row) -> {
			DeadlineKind kind = DeadlineKind.valueOf(rs.getString("kind"));
			Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
			return new Deadline(rs.getLong("incident_id"), rs.getString("reference"), rs.getString("organization"),
					kind.name(), kind.japanese(), kind.english(), due, !due.isAfter(now));
		}).list();
	}

}
