package org.hikeshi.evidence;

/** What an evidence item is. */
public enum EvidenceKind {

	/** ディスクイメージ */
	DISK_IMAGE("ディスクイメージ", "Disk image"),
	/** メモリダンプ */
	MEMORY_DUMP("メモリダンプ", "Memory dump"),
	/** ログのエクスポート */
	LOG_EXPORT("ログ", "Log export"),
	/** 機器そのもの（PC、USBメモリ、サーバ） */
	DEVICE("機器", "Device"),
	/** その他 */
	OTHER("その他", "Other");

	private final String japanese;

	private final String english;

	EvidenceKind(String japanese, String english) {
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
