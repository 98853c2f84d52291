package org.hikeshi.reporting;

import java.util.Arrays;
import java.util.List;

import static org.hikeshi.incident.IncidentProcess.Variables.ANALYSIS_FINDINGS;
import static org.hikeshi.incident.IncidentProcess.Variables.COUNTERMEASURES;
import static org.hikeshi.incident.IncidentProcess.Variables.DAMAGE_FOUND;
import static org.hikeshi.incident.IncidentProcess.Variables.DATA_LEAKED;
import static org.hikeshi.incident.IncidentProcess.Variables.EVIDENCE_COLLECTED;
import static org.hikeshi.incident.IncidentProcess.Variables.EVIDENCE_SUBMITTED_TO;
import static org.hikeshi.incident.IncidentProcess.Variables.HARDENING_SUMMARY;
import static org.hikeshi.incident.IncidentProcess.Variables.INFECTED_TERMINALS;
import static org.hikeshi.incident.IncidentProcess.Variables.INTERIM_MEASURES;
import static org.hikeshi.incident.IncidentProcess.Variables.MALWARE_IDENTIFIED;
import static org.hikeshi.incident.IncidentProcess.Variables.MEDIA_NOTES;
import static org.hikeshi.incident.IncidentProcess.Variables.MILESTONES;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_SUMMARY;
import static org.hikeshi.incident.IncidentProcess.Variables.RECOVERY_SUMMARY;
import static org.hikeshi.incident.IncidentProcess.Variables.REMOVAL_SUMMARY;
import static org.hikeshi.incident.IncidentProcess.Variables.RESTORE_SUMMARY;
import static org.hikeshi.incident.IncidentProcess.Variables.RISKS;
import static org.hikeshi.incident.IncidentProcess.Variables.ROOT_CAUSE;
import static org.hikeshi.incident.IncidentProcess.Variables.SITUATION_SUMMARY;
import static org.hikeshi.incident.IncidentProcess.Variables.TRAINING_SUMMARY;

/** The sections of each report and the form field each is written from. Empty sections are left out. */
enum ReportSection {

	SITUATION(ReportType.INITIAL, SITUATION_SUMMARY, "現状", "Situation"),
	DAMAGE(ReportType.INITIAL, DAMAGE_FOUND, "確認された被害", "Damage found"),
	INTERIM_MEASURES_SECTION(ReportType.INITIAL, INTERIM_MEASURES, "暫定対策", "Interim measures"),
	MILESTONES_SECTION(ReportType.INITIAL, MILESTONES, "対策のマイルストーン", "Milestones"),

	CAUSE(ReportType.FULL, ROOT_CAUSE, "原因", "Cause"),
	TERMINALS(ReportType.FULL, INFECTED_TERMINALS, "端末調査の結果", "Terminal investigation"),
	MALWARE(ReportType.FULL, MALWARE_IDENTIFIED, "特定したマルウェア", "Malware identified"),
	REMOVAL(ReportType.FULL, REMOVAL_SUMMARY, "駆除", "Removal"),
	RESTORE(ReportType.FULL, RESTORE_SUMMARY, "バックアップからの復元", "Restore from backup"),
	EVIDENCE(ReportType.FULL, EVIDENCE_COLLECTED, "保全した証拠", "Evidence collected"),
	ANALYSIS(ReportType.FULL, ANALYSIS_FINDINGS, "解析結果", "Analysis findings"),
	LEAK(ReportType.FULL, DATA_LEAKED, "情報漏えいの有無", "Whether data leaked"),
	SUBMISSION(ReportType.FULL, EVIDENCE_SUBMITTED_TO, "証拠の提出先", "Evidence submitted to"),
	RISK(ReportType.FULL, RISKS, "セキュリティリスク", "Risks"),
	COUNTERMEASURE(ReportType.FULL, COUNTERMEASURES, "必要な対策（恒久策）", "Countermeasures"),

	PREVENTION(ReportType.FINAL, COUNTERMEASURES, "再発防止策", "Recurrence prevention"),
	RECOVERY(ReportType.FINAL, RECOVERY_SUMMARY, "システム復旧支援", "Recovery support"),
	HARDENING(ReportType.FINAL, HARDENING_SUMMARY, "セキュリティ強化", "Hardening"),
	TRAINING(ReportType.FINAL, TRAINING_SUMMARY, "社員へのセキュリティ教育", "Employee training"),
	MONITORING(ReportType.FINAL, MONITORING_SUMMARY, "不正アクセス監視", "Unauthorized-access monitoring"),
	COMMUNICATION(ReportType.FINAL, MEDIA_NOTES, "顧客・メディア・関係機関対応", "Client, media and authority support");

	private final ReportType report;

	private final String variable;

	private final String japaneseTitle;

	private final String englishTitle;

	ReportSection(ReportType report, String variable, String japaneseTitle, String englishTitle) {
		this.report = report;
		this.variable = variable;
		this.japaneseTitle = japaneseTitle;
		this.englishTitle = englishTitle;
	}

	String variable() {
		return this.variable;
	}

	String title(org.hikeshi.incident.Language language) {
		return language == org.hikeshi.incident.Language.JA ? this.japaneseTitle : this.englishTitle;
	}

	/** The text a form field holds, as the report prints it: choices of a fixed list in words, text as entered. */
	String text(Object value, org.hikeshi.incident.Language language) {
		String text = value.toString().strip();
		if (this == LEAK) {
			boolean ja = language == org.hikeshi.incident.Language.JA;
			return switch (text) {
				case "YES" -> ja ? "漏えいあり" : "Yes, data leaked";
				case "NO" -> ja ? "漏えいなし" : "No leak found";
				case "UNDETERMINED" -> ja ? "判明せず" : "Undetermined";
				default -> text;
			};
		}
		return text;
	}

	static List<ReportSection> of(ReportType type) {
		return Arrays.stream(values()).filter(s -> s.report == type).toList();
	}

}
