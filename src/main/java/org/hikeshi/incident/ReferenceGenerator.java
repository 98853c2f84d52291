package org.hikeshi.incident;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable incident references, {@code IR-2026-0001}: a counter per year (Japan time), incremented with a row lock
 * in the caller's transaction, so two nodes on one database never hand out the same number and a rolled-back
 * intake gives its number back.
 */
@Component
class ReferenceGenerator {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final JdbcClient jdbc;

	private final TransactionTemplate savepoint;

	ReferenceGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	String next(Instant contactedAt) {
		int year = contactedAt.atZone(JAPAN).getYear();
		if (increment(year) == 0) {
			try {
				// first incident of the year; a savepoint keeps a lost race from aborting the whole transaction
				this.savepoint.executeWithoutResult(status -> this.jdbc
					.sql("INSERT INTO incident_reference_counter (ref_year, last_value) VALUES (?, 0)")
					.param(year)
					.update());
			}
			catch (DuplicateKeyException createdConcurrently) {
				// another transaction created the row first: fine, increment it below
			}
			increment(year);
		}
		int value = this.jdbc.sql("SELECT last_value FROM incident_reference_counter WHERE ref_year = ?")
			.param(year)
			.query(Integer.class)
			.single();
		return String.format("IR-%d-%04d", year, value);
	}

	private int increment(int year) {
		return this.jdbc.sql("UPDATE incident_reference_counter SET last_value = last_value + 1 WHERE ref_year = ?")
			.param(year)
			.update();
	}

}
