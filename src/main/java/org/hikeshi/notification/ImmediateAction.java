package org.hikeshi.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hikeshi.incident.IncidentType;

/**
 * What the client should do right now, before anyone arrives (seed: ランサムウェア被害拡大を防ぐためにすぐに実施をしてください).
 */
enum ImmediateAction {

	UNPLUG_LAN("感染したPCやサーバのLANケーブルを抜いてください。", "Unplug the LAN cables of infected PCs and servers."),
	CUT_WIFI("感染したPCの無線LANを切断してください。", "Switch off the Wi-Fi of infected PCs."),
	DISCONNECT_ALL_IF_UNSURE("どのPCやサーバが感染しているか分からない場合は、LANケーブルと無線LANをすべて切断してください。",
			"If you are not sure which PCs or servers are infected, disconnect all LAN cables and Wi-Fi."),
	PROTECT_BUSINESS_DATA("業務データを保全してください（バックアップ先との接続は切り離してください）。",
			"Keep your business data safe (disconnect backup storage so it is not encrypted too)."),
	STOP_USING_INFECTED_PC("感染したPCは使い続けないでください。インターネットに接続すると再び動き出すプログラムもあります。",
			"Do not keep using an infected PC: some programs start again once it is back on the internet."),
	KEEP_LOGS("サーバやネットワーク機器のログを消去・上書きしないでください。", "Do not delete or overwrite server and network logs."),
	KEEP_DEFACED_STATE("改ざんされたページは公開を停止し、ファイルは削除せずにそのまま残してください。",
			"Take the defaced pages offline but keep the files as they are; do not delete them."),
	CHANGE_MAIL_PASSWORDS("不正メールに使われたアカウントのパスワードを変更してください。",
			"Change the passwords of the mail accounts used to send the fraudulent mail."),
	KEEP_THREAT_RECORDS("脅迫メールや通話の記録は消さずに保存してください。", "Keep the threatening mails or call records; do not delete them."),
	REPORT_DEVICE_LOSS("盗難・紛失した端末のアカウントを無効化し、警察に届け出てください。",
			"Disable the accounts of the stolen or lost device and report it to the police."),
	RECALL_MISSENT_MAIL("誤送信先に削除を依頼し、その記録を残してください。",
			"Ask the recipients of the mis-sent mail to delete it, and keep a record of the request.");

	private final String japanese;

	private final String english;

	ImmediateAction(String japanese, String english) {
		this.japanese = japanese;
		this.english = english;
	}

	String japanese() {
		return this.japanese;
	}

	String english() {
		return this.english;
	}

	/** The actions that fit what happened, in the order they should be done. */
	static List<ImmediateAction> forIncident(Set<IncidentType> types) {
		EnumSet<ImmediateAction> actions = EnumSet.noneOf(ImmediateAction.class);
		if (types.contains(IncidentType.RANSOMWARE) || types.contains(IncidentType.MALWARE_INFECTION)
				|| types.contains(IncidentType.EMOTET)) {
			actions.addAll(EnumSet.of(UNPLUG_LAN, CUT_WIFI, DISCONNECT_ALL_IF_UNSURE, PROTECT_BUSINESS_DATA,
					STOP_USING_INFECTED_PC));
		}
		if (types.contains(IncidentType.EMOTET) || types.contains(IncidentType.SPAM_COMPLAINTS)) {
			actions.add(CHANGE_MAIL_PASSWORDS);
		}
		if (types.contains(IncidentType.WEBSITE_DEFACED)) {
			actions.add(KEEP_DEFACED_STATE);
		}
		if (types.contains(IncidentType.THREAT_RECEIVED)) {
			actions.add(KEEP_THREAT_RECORDS);
		}
		if (types.contains(IncidentType.PC_STOLEN) || types.contains(IncidentType.PC_LOST)) {
			actions.add(REPORT_DEVICE_LOSS);
		}
		if (types.contains(IncidentType.MISSENT_EMAIL)) {
			actions.add(RECALL_MISSENT_MAIL);
		}
		actions.add(KEEP_LOGS);
		return List.copyOf(actions);
	}

}
