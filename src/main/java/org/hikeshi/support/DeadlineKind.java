package org.hikeshi.support;

/** The authority reports Hikeshi tracks a deadline for. */
public enum DeadlineKind {

	/** 個人情報保護委員会への速報 (APPI Art. 26(1); Enforcement Rules Art. 8(1)): "promptly", tracked as 5 days. */
	PPC_PRELIMINARY("個人情報保護委員会への速報", "Preliminary report to the PPC"),
	/** 個人情報保護委員会への確報 (Enforcement Rules Art. 8(2)): 30 days, 60 days for an improper purpose. */
	PPC_FINAL("個人情報保護委員会への確報", "Final report to the PPC"),
	/** GDPR Art. 33(1): notification of the supervisory authority within 72 hours. */
	GDPR("監督機関への通知（GDPR第33条）", "Notification of the supervisory authority (GDPR Art. 33)");

	private final String japanese;

	private final String english;

	DeadlineKind(String japanese, String english) {
		this.japanese = japanese;
		this.english = english;
	}

	public String japanese() {
		return this.japanese;
	}

	public String english() {
		return this.english;
	}

}
