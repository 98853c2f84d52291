package org.hikeshi.monitoring;

import java.time.Instant;

/** One monthly (or closing) monitoring report: the alerts of its period, counted by danger. */
public record MonitoringReport(long id, long incidentId, int seq, Instant periodStart, Instant periodEnd,
		int critical, int high, int medium, int low, int collapsed, String summary, Instant createdAt) {

	public int total() {
		return this.critical + this.high + this.medium + this.low;
	}

}
