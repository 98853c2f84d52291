package org.hikeshi.reporting;

/** The three reports of the service. */
public enum ReportType {

	/** 初動調査報告書: situation, damage found, interim measures, milestones. */
	INITIAL("initial-report", "初動調査報告書", "Initial investigation report"),
	/** 本格調査報告書: cause, evidence, whether data leaked, risks, countermeasures. */
	FULL("full-report", "本格調査報告書", "Full investigation report"),
	/** 最終報告書: recurrence prevention and what was done in follow-up. */
	FINAL("final-report", "最終報告書", "Final report");

	private final String slug;

	private final String japaneseTitle;

	private final String englishTitle;

	ReportType(String slug, String japaneseTitle, String englishTitle) {
		this.slug = slug;
		this.japaneseTitle = japaneseTitle;
		this.englishTitle = englishTitle;
	}

	public String slug() {
		return this.slug;
	}

	public String japaneseTitle() {
		return this.japaneseTitle;
	}

	public String englishTitle() {
		return this.englishTitle;
	}

}
