package org.hikeshi.monitoring;

/** How dangerous an alert is, as rated by the DMN table {@code alert-danger}. */
public enum Danger {

	CRITICAL("緊急", "Critical"), HIGH("高", "High"), MEDIUM("中", "Medium"), LOW("低", "Low");

	private final String japanese;

	private final String english;

	Danger(String japanese, String english) {
		this.japanese = japanese;
		this.english = english;
	}

	/** Critical and high alerts start an analyst's task and a mail to the client's administrator. */
	public boolean needsAnalyst() {
		return this == CRITICAL || this == HIGH;
	}

	public String japanese() {
		return this.japanese;
	}

	public String english() {
		return this.english;
	}

}
