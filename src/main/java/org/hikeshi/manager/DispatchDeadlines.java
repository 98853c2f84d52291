package org.hikeshi.manager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dispatch SLA of open incidents nobody has been dispatched to yet (the incident table's due time). */
@Component
class DispatchDeadlines implements Deadline.Source {

	static final String KIND = "DISPATCH_SLA";

	private final JdbcClient jdbc;

	DispatchDeadlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Deadline> openBefore(Instant until, Instant now) {
		return this.jdbc.sql("""
				SELECT id, reference, organization, dispatch_due_at FROM incident
				WHERE status = 'OPEN' AND dispatched_at IS NULL AND dispatch_due_at < :until
				ORDER BY dispatch_due_at
				""").param("until", until.atOffset(ZoneOffset.UTC)).query((rs, row) -> {
			Instant due = rs.getObject("dispatch_due_at", OffsetDateTime.class).toInstant();
			return new Deadline(rs.getLong("id"), rs.getString("reference"), rs.getString("organization"), KIND,
					"駆け付け期限 (受付から24時間)", "Dispatch deadline (24 h from the call)", due, !due.isAfter(now));
		}).list();
	}

}
