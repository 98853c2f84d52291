package org.hikeshi.notification;

/** The mails a client receives, one per step they care about. Subjects: Japanese / English. */
public enum ClientNotification {

	INDIVIDUAL_REFERRED("individual-referred", "ご相談窓口のご案内", "Where to get help"),
	INCIDENT_RECEIVED("incident-received", "ご依頼を受け付けました", "We have received your request"),
	NDA_DECLINED("nda-declined", "ご依頼について", "About your request"),
	RESPONDER_DISPATCHED("responder-dispatched", "担当者を手配しました", "A responder has been assigned"),
	INITIAL_REPORT_READY("initial-report", "初動調査報告書", "Initial investigation report"),
	QUOTE_ISSUED("quote", "お見積り", "Quotation"),
	FULL_REPORT_READY("full-report", "本格調査報告書", "Full investigation report"),
	INCIDENT_CLOSED("incident-closed", "最終報告書と請求書・対応完了のご報告", "Final report, invoice and closure"),
	/** To the client's system administrator: a critical or high alert and its countermeasure (once per alert). */
	ALERT_RAISED("alert-raised", "【緊急】不正アクセスの検知と対策のお願い", "[Urgent] Intrusion detected: countermeasure"),
	/** Monthly (and closing) monitoring report (once per report). */
	MONITORING_REPORT("monitoring-report", "不正アクセス監視 月次報告", "Monthly monitoring report");

	private final String template;

	private final String subjectJa;

	private final String subjectEn;

	ClientNotification(String template, String subjectJa, String subjectEn) {
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
