package org.hikeshi.incident;

/** The policy the client chooses after the initial investigation (対応方針). */
public enum ResponsePolicy {

	/** 業務復旧を優先: investigate terminals, remove the malware, restore from backup. */
	RECOVERY_FIRST,
	/** 証拠の取得を優先: preserve evidence, analyse it in the lab, submit it. */
	EVIDENCE_FIRST

}
