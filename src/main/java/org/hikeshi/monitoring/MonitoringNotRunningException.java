package org.hikeshi.monitoring;

/** An alert for an incident whose monitoring is not (or no longer) running. Answered as 409; nothing is stored. */
class MonitoringNotRunningException extends RuntimeException {

	MonitoringNotRunningException(String message) {
		super(message);
	}

}
