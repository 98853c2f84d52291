package org.hikeshi.monitoring;

import java.time.Instant;

/** The monitoring of an incident: where the sensor is, whom alerts are mailed to, and when it ends or ended. */
public record MonitoringPeriod(long incidentId, String sensorLocation, String sysadminName, String sysadminEmail,
		Instant startedAt, int contractedMonths, int extendedMonths, Instant endsAt, Instant endedAt,
		Boolean endedEarly, String endReason) {

	public boolean running() {
		return this.endedAt == null;
	}

}
