package org.hikeshi.monitoring;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** What the alert mails show of an alert. */
public final class AlertMail {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(MonitoringService.JAPAN);

	private AlertMail() {
	}

	public static Map<String, Object> model(Alert alert, MonitoringPeriod period) {
		Map<String, Object> model = new HashMap<>();
		model.put("alert", alert);
		model.put("alertOccurredAt", TIME.format(alert.occurredAt()));
		model.put("dangerJa", alert.danger().japanese());
		model.put("dangerEn", alert.danger().english());
		model.put("countermeasureJa", alert.signatureClass().countermeasureJa());
		model.put("countermeasureEn", alert.signatureClass().countermeasureEn());
		model.put("sysadminName", period.sysadminName());
		model.put("sensorLocation", period.sensorLocation());
		return model;
	}

}
