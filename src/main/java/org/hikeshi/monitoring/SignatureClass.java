package org.hikeshi.monitoring;

/**
 * The class of an IDS/IPS signature, as the sensor reports it, with the first countermeasure the client's system
 * administrator is asked to take when such an alert is critical or high.
 */
public enum SignatureClass {

	COMMAND_AND_CONTROL("通信先のIPアドレス・ドメインをファイアウォールとプロキシで遮断し、通信元の端末をネットワークから切り離してください。",
			"Block the destination address and domain at the firewall and proxy, and disconnect the source host from the network."),
	EXFILTRATION("外部への通信を遮断し、通信元の端末をネットワークから切り離したうえで、送信された可能性のあるデータを確認してください。",
			"Block the outbound connection, disconnect the source host, and identify the data that may have been sent."),
	MALWARE("該当端末をネットワークから切り離し、電源は切らずに当社の指示をお待ちください（証拠保全のため）。",
			"Disconnect the affected host from the network and keep it powered on until we instruct you (to preserve evidence)."),
	INTRUSION("攻撃元のIPアドレスを遮断し、対象サーバの認証情報を変更し、該当の脆弱性に修正プログラムを適用してください。",
			"Block the attacking address, change the credentials of the targeted server and patch the exploited vulnerability."),
	WEB_ATTACK("WAFで攻撃元を遮断し、Webアプリケーションの改ざんの有無を確認してください。",
			"Block the source at the WAF and check the web application for changes."),
	BRUTE_FORCE("攻撃元のIPアドレスを遮断し、対象アカウントのパスワードを変更して多要素認証を有効にしてください。",
			"Block the source address, change the targeted accounts' passwords and enable multi-factor authentication."),
	DENIAL_OF_SERVICE("回線事業者・CDNに連絡し、攻撃元の遮断や帯域制御を依頼してください。",
			"Ask your carrier or CDN to filter the attack traffic or limit its bandwidth."),
	RECONNAISSANCE("攻撃元のIPアドレスを遮断し、公開しているサービスを見直してください。",
			"Block the scanning address and review the services you expose."),
	POLICY_VIOLATION("該当端末の利用者に確認し、社内規程に沿って対応してください。",
			"Check with the user of the host and act according to your policy."),
	OTHER("当社の分析結果をお待ちください。", "Please wait for our analysis.");

	private final String countermeasureJa;

	private final String countermeasureEn;

	SignatureClass(String countermeasureJa, String countermeasureEn) {
		this.countermeasureJa = countermeasureJa;
		this.countermeasureEn = countermeasureEn;
	}

	public String countermeasureJa() {
		return this.countermeasureJa;
	}

	public String countermeasureEn() {
		return this.countermeasureEn;
	}

}
