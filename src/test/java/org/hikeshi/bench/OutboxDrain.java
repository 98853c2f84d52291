package org.hikeshi.bench;

import java.util.concurrent.TimeUnit;

import org.hikeshi.notification.OutboxSender;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox delivered by a thread of its own, as the application's outbox poller does in production (the test
 * profile switches the poller off), only polling every 20 ms instead of every 10 s: mail goes out beside the
 * incidents, and the benchmark measures when a round's incidents are done and when all their mail has been accepted.
 */
final class MailPoller implements AutoCloseable {

	private final OutboxSender outbox;

	private final JdbcClient jdbc;

	private final Thread thread;

	private volatile boolean running = true;

	MailPoller(OutboxSender outbox, JdbcClient jdbc) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.thread = new Thread(this::poll, "bench-outbox-poller");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void poll() {
		while (this.running) {
			try {
				if (this.outbox.deliverDue() == 0) {
					Thread.sleep(20);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				System.err.println("[bench] outbox poll failed: " + ex);
			}
		}
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

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(10_000);
	}

}
