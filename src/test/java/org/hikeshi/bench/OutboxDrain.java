package org.hikeshi.bench;

import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the application's own outbox delivery ({@code OutboxPoller}: mail goes out right after the transaction
 * that queued it commits) to have sent everything queued: the benchmark measures when a round's incidents are done
 * and when all their mail has been accepted by the SMTP server.
 */
final class OutboxDrain {

	private final JdbcClient jdbc;

	OutboxDrain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until no mail is pending or being sent (at most 15 minutes); returns how many are left. */
	long awaitDrained() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
		long left;
		while ((left = pending()) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		return left;
	}

	private long pending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING')")
			.query(Long.class)
			.single();
	}

}
