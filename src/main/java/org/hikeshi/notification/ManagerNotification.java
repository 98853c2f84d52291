package org.hikeshi.notification;

/** Mails to the managers group. */
public enum ManagerNotification {

	DISPATCH_SLA_WARNING("dispatch-sla-warning", "出動SLA警告: 未手配", "Dispatch SLA warning: nobody dispatched yet"),
	DISPATCH_SLA_BREACHED("dispatch-sla-breached", "出動SLA違反", "Dispatch SLA breached");

	private final String template;

	private final String subjectJa;

	private final String subjectEn;

	ManagerNotification(String template, String subjectJa, String subjectEn) {
		this.template = template;
		this.subjectJa = subjectJa;
		this.subjectEn = subjectEn;
	}

	String template() {
		return this.template;
	}

	String subjectJa() {
		return this.subjectJa;
	}

	String subjectEn() {
		return this.subjectEn;
	}

}
