package org.hikeshi.pricing;

/** The sections of the service menu. */
public enum ItemCategory {

	/** 初期調査 */
	INITIAL_INVESTIGATION,
	/** 本格調査 */
	FULL_INVESTIGATION,
	/** 不正アクセス監視 */
	MONITORING,
	/** 顧客・メディア対応 */
	CLIENT_MEDIA_SUPPORT,
	/** フォローアップ */
	FOLLOW_UP,
	/** 情報セキュリティ110番 (rescue) items, the ones of the published price examples */
	RESCUE

}
