package org.hikeshi.notification;

/** Mails to the managers group. */
public enum ManagerNotification {

	DISPATCH_SLA_WARNING("dispatch-sla-warning", "出動SLA警告: 未手配", "Dispatch SLA warning: nobody dispatched yet"),
	DISPATCH_SLA_BREACHED("dispatch-sla-breached", "出動SLA違反", "Dispatch SLA breached"),
	/** A critical or high alert nobody analysed within the hour (once per alert). */
	ALERT_ANALYSIS_OVERDUE("alert-analysis-overdue", "重大アラート未分析（1時間経過）", "Critical alert not analysed within 1 hour"),
	/** A report deadline (PPC preliminary/final, GDPR) is close (once per deadline). */
	AUTHORITY_DEADLINE_WARNING("authority-deadline-warning", "当局への報告期限が迫っています", "Authority report deadline approaching"),
	/** A report deadline passed without the report (once per deadline). */
	AUTHORITY_DEADLINE_MISSED("authority-deadline-missed", "当局への報告期限を過ぎました", "Authority report deadline missed");

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
