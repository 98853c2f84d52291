package org.hikeshi.notification;

/** Where a queued mail is: waiting (perhaps for its next attempt), being sent by one node, sent, or given up. */
public enum OutboxStatus {

	/** Waiting for its first or next attempt ({@code next_attempt_at}). */
	PENDING,
	/** Claimed by a node ({@code claimed_by}) until {@code claimed_until}; after that, another node may take it. */
	SENDING,
	/** Delivered to the SMTP server. */
	SENT,
	/** Every attempt failed: blocks later mail of the incident until a manager retries it. */
	FAILED

}
