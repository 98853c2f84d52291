package org.hikeshi.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hikeshi.monitoring.*}: how long an analyst has for a critical or high alert, and the window in which
 * alerts of the same signature are collapsed into the first.
 */
@ConfigurationProperties("hikeshi.monitoring")
record MonitoringProperties(@DefaultValue("1h") Duration analysisWithin, @DefaultValue("10m") Duration duplicateWindow) {

	MonitoringProperties {
		if (analysisWithin.isNegative() || analysisWithin.isZero() || duplicateWindow.isNegative()) {
			throw new IllegalArgumentException("hikeshi.monitoring.analysis-within must be positive and "
					+ "hikeshi.monitoring.duplicate-window not negative");
		}
	}

}
