package org.hikeshi.incident;

/**
 * The phase an incident is in. The process enters a phase at the element named here; {@link PhaseListener}
 * records it on the incident.
 */
public enum Phase {

	/** 受付: intake and NDA. */
	INTAKE("受付", "Intake", IncidentProcess.Elements.START_INCIDENT_REPORTED),
	/** 初期調査 */
	INITIAL_INVESTIGATION("初期調査", "Initial investigation", IncidentProcess.Elements.SUBPROCESS_INITIAL_INVESTIGATION),
	/** 対応方針の決定 */
	POLICY_DECISION("対応方針の決定", "Policy decision", IncidentProcess.Elements.TASK_DECIDE_POLICY),
	/** 本格調査 (with client/media support and monitoring alongside) */
	FULL_INVESTIGATION("本格調査", "Full investigation", IncidentProcess.Elements.SUBPROCESS_FULL_INVESTIGATION),
	/** フォローアップ */
	FOLLOW_UP("フォローアップ", "Follow-up", IncidentProcess.Elements.SUBPROCESS_FOLLOW_UP),
	/** 最終報告・請求 */
	FINAL_REPORT("最終報告", "Final report", IncidentProcess.Elements.TASK_CREATE_FINAL_REPORT),
	/** 完了 */
	CLOSED("完了", "Closed", IncidentProcess.Elements.END_INCIDENT_CLOSED);

	private final String japaneseName;

	private final String englishName;

	private final String enteredAt;

	Phase(String japaneseName, String englishName, String enteredAt) {
		this.japaneseName = japaneseName;
		this.englishName = englishName;
		this.enteredAt = enteredAt;
	}

	public String japaneseName() {
		return this.japaneseName;
	}

	public String englishName() {
		return this.englishName;
	}

	/** The BPMN element whose start puts an incident into this phase. */
	public String enteredAt() {
		return this.enteredAt;
	}

	public static Phase enteredAt(String elementId) {
		for (Phase phase : values()) {
			if (phase.enteredAt.equals(elementId)) {
				return phase;
			}
		}
		throw new IllegalArgumentException("element " + elementId + " does not start a phase");
	}

}
