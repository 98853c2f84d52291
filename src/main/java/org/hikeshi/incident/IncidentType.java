package org.hikeshi.incident;

/** What happened (発生事象), as asked at intake; several may apply. */
public enum IncidentType {

	/** クレジットカード情報漏えいの疑いがある */
	CARD_DATA_LEAK,
	/** 迷惑メールの苦情を受けた */
	SPAM_COMPLAINTS,
	/** Webサイトが改ざんされた */
	WEBSITE_DEFACED,
	/** DoS攻撃/DDoS攻撃を受けている可能性がある */
	DOS_ATTACK,
	/** パソコンが盗難被害に遭った */
	PC_STOLEN,
	/** パソコンを紛失してしまった */
	PC_LOST,
	/** 機微情報を含んだメールを誤送信してしまった */
	MISSENT_EMAIL,
	/** ウイルス・ワームに感染した */
	MALWARE_INFECTION,
	/** ランサムウェアに感染した */
	RANSOMWARE,
	/** Emotetに感染した */
	EMOTET,
	/** 脅迫メールや電話を受けた */
	THREAT_RECEIVED,
	/** その他 */
	OTHER

}
