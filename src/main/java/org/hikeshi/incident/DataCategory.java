package org.hikeshi.incident;

/** Kinds of information that may have leaked (流出した可能性のある情報の種類). */
public enum DataCategory {

	/** 一般的な個人情報: name, sex, date of birth, address, e-mail, phone, occupation, employee number */
	GENERAL_PERSONAL,
	/** 機微な個人情報: education, career, grades, income, card number, bank account */
	SENSITIVE_PERSONAL,
	/** 特に機微な情報: criminal record, nationality, health, medical history, DNA, credit blacklist */
	SPECIAL_CARE,
	/** no personal data involved */
	NONE,
	/** not known yet */
	UNKNOWN;

	public boolean isPersonalData() {
		return this == GENERAL_PERSONAL || this == SENSITIVE_PERSONAL || this == SPECIAL_CARE;
	}

}
