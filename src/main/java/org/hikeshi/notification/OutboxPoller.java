package org.hikeshi.notification;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's outbox delivery: one thread that sends what is due as soon as a transaction that queued mail has
 * committed on this node, and otherwise every {@code hikeshi.notification.outbox.poll-interval} (retries after a
 * backoff, mail queued on other nodes). Off with {@code hikeshi.notification.outbox.scheduler-enabled=false}: tests
 * call {@link OutboxSender#deliverDue()} themselves.
 */
@Component
@ConditionalOnProperty(name = "hikeshi.notification.outbox.scheduler-enabled", havingValue = "true",
		matchIfMissing = true)
class OutboxPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final OutboxSender sender;

	private final Duration pollInterval;

	private final Object lock = new Object();

	/** Guarded by {@link #lock}: mail was queued since the last delivery began. */
	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	OutboxPoller(OutboxSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.pollInterval = properties.outbox().pollInterval();
	}

	/** After the commit of the transaction that queued the mail (at once when there was none). */
	@TransactionalEventListener(fallbackExecution = true)
	void mailQueued(NotificationService.MailQueued event) {
		wake();
	}

	void wake() {
		synchronized (this.lock) {
			this.woken = true;
			this.lock.notifyAll();
		}
	}

	private void run() {
		while (this.running) {
			try {
				this.sender.deliverDue();
			}
			catch (RuntimeException ex) {
				log.error("Outbox delivery failed; trying again in {}", this.pollInterval, ex);
			}
			try {
				synchronized (this.lock) {
					if (!this.woken && this.running) {
						this.lock.wait(this.pollInterval.toMillis());
					}
					this.woken = false;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "hikeshi-outbox");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Lets a delivery in progress finish (its mail marked sent), then ends the thread. */
	@Override
	public void stop() {
		this.running = false;
		wake();
		try {
			this.thread.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			log.warn("Outbox delivery still running after {}; its claims expire and another node takes over",
					STOP_TIMEOUT);
			this.thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
