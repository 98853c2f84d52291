package org.hikeshi.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dispatch SLA: a responder on site within {@code deadline} of the client's call, managers warned at
 * {@code warningAfter}. Both count from the moment of contact.
 */
@ConfigurationProperties("hikeshi.dispatch-sla")
public record DispatchSlaProperties(@DefaultValue("20h") Duration warningAfter, @DefaultValue("24h") Duration deadline) {

	public DispatchSlaProperties {
		if (warningAfter.isNegative() || deadline.isNegative() || warningAfter.compareTo(deadline) >= 0) {
			throw new IllegalArgumentException("hikeshi.dispatch-sla: warning-after (" + warningAfter
					+ ") must be positive and before the deadline (" + deadline + ")");
		}
	}

}
