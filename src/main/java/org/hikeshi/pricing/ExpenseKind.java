package org.hikeshi.pricing;

/** Actual costs a client outside the free area pays (交通費等の実費). */
public enum ExpenseKind {

	TRANSPORT("交通費（実費）", "Transport (actual cost)"),
	ACCOMMODATION("宿泊費（実費）", "Accommodation (actual cost)");

	private final String nameJa;

	private final String nameEn;

	ExpenseKind(String nameJa, String nameEn) {
		this.nameJa = nameJa;
		this.nameEn = nameEn;
	}

	public String nameJa() {
		return this.nameJa;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** The code its document lines carry, e.g. {@code EXPENSE_TRANSPORT}. */
	public String lineCode() {
		return "EXPENSE_" + name();
	}

}
