package org.hikeshi.monitoring;

import java.time.Instant;

/** The timer values of the monitoring period, computed in Java (the diagram only names them). */
public final class MonitoringSchedule {

	private MonitoringSchedule() {
	}

	/** A monthly report one month after the start, then every month: {@code R/2026-12-22T00:00:00Z/P1M}. */
	public static String monthlyReportCycle(Instant startedAt) {
		return "R/" + startedAt.atZone(MonitoringService.JAPAN).plusMonths(1).toInstant() + "/P1M";
	}

}
