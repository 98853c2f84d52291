package org.hikeshi.support;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.Language;

/**
 * First drafts, written from the incident in the client's language, for the coordinator to edit: the apology letter
 * to the people affected, the Q&amp;A set, and the nine items of the report to the PPC (Enforcement Rules Art. 8(1)).
 * What is not known yet says so, rather than guessing.
 */
public final class SupportDrafts {

	private SupportDrafts() {
	}

	public static Drafts write(Incident incident, ReportingAssessment assessment) {
		boolean ja = incident.language() == Language.JA;
		DateTimeFormatter date = DateTimeFormatter.ofPattern(ja ? "yyyy年M月d日" : "d MMMM yyyy", ja ? Locale.JAPAN : Locale.ENGLISH)
			.withZone(java.time.ZoneId.of("Asia/Tokyo"));
		String what = incident.incidentTypes().stream().sorted().map(t -> type(t, ja)).collect(Collectors.joining(ja ? "、" : ", "));
		String data = incident.dataCategories().stream().sorted().map(c -> category(c, ja)).collect(Collectors.joining(ja ? "、" : ", "));
		String people = assessment.affectedPeople() == null ? (ja ? "調査中" : "under investigation")
				: (ja ? assessment.affectedPeople() + "名（見込み）" : assessment.affectedPeople() + " (estimate)");
		String discovered = date.format(incident.discoveredAt());
		String org = incident.organization();
		String apology = ja ? """
				お客様各位

				%s

				個人情報漏えいの可能性に関するお詫びとお知らせ

				このたび、弊社において%sが発生し、お客様の個人情報が漏えいした可能性があることが判明いたしました。お客様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。

				1. 経緯
				%sに事態を把握し、直ちに外部の専門家の協力を得て調査を開始いたしました。

				2. 漏えいした可能性のある情報
				%s

				3. 対象となるお客様の数
				%s

				4. 現在の対応
				調査を継続するとともに、個人情報保護委員会等の関係機関へ報告しております。

				5. お客様へのお願い
				弊社を装った不審なメールや電話にご注意ください。不審な点がございましたら、下記窓口までご連絡ください。

				6. お問い合わせ窓口
				専用窓口を設置いたしました（電話番号・受付時間を記載）。

				改めて深くお詫び申し上げますとともに、再発防止に全力で取り組んでまいります。
				""".formatted(org, what, discovered, data, people) : """
				To our customers

				%s

				Apology and notice of a possible leak of personal data

				We have found that %s at our company may have exposed your personal data. We sincerely apologise for the concern and inconvenience this causes you.

				1. What happened
				We became aware of the matter on %s and at once started an investigation with outside experts.

				2. Data that may have been exposed
				%s

				3. Number of customers concerned
				%s

				4. What we are doing
				The investigation goes on, and we have reported to the Personal Information Protection Commission and the other authorities concerned.

				5. What we ask of you
				Please beware of suspicious e-mails or calls claiming to come from us, and contact us below if anything seems wrong.

				6. Inquiries
				We have opened a dedicated inquiry desk (phone number and hours).

				We apologise again and are doing everything we can to prevent this from happening again.
				""".formatted(org, what.toLowerCase(Locale.ENGLISH), discovered, data, people);
		String qa = ja ? """
				Q1. 何が起きたのですか。
				A1. %sにより、お客様の個人情報が漏えいした可能性があります。%sに事態を把握し、調査を進めています。

				Q2. どの情報が漏えいしたのですか。
				A2. %sです。詳細は調査中で、判明し次第お知らせします。

				Q3. 何人が対象ですか。
				A3. %sです。

				Q4. 私の情報は含まれていますか。
				A4. 対象のお客様には個別にご連絡いたします。お問い合わせ窓口でもお調べします。

				Q5. 二次被害はありますか。
				A5. 現時点で二次被害は確認されていません。不審なメール・電話にご注意ください。

				Q6. 再発防止策は何ですか。
				A6. 調査結果に基づき、外部の専門家の助言のもとで対策を講じ、改めてお知らせします。
				""".formatted(what, discovered, data, people) : """
				Q1. What happened?
				A1. %s may have exposed your personal data. We became aware of it on %s and are investigating.

				Q2. Which data was exposed?
				A2. %s. The details are still being investigated; we will tell you as soon as we know.

				Q3. How many people are concerned?
				A3. %s.

				Q4. Is my data included?
				A4. We will contact everyone concerned individually; our inquiry desk can also check for you.

				Q5. Is there any secondary damage?
				A5. None has been found so far. Please beware of suspicious e-mails and calls.

				Q6. How will you prevent this from happening again?
				A6. We will take measures based on the findings, advised by outside experts, and let you know.
				""".formatted(what, discovered, data, people);
		String unknown = ja ? "調査中" : "Under investigation";
		Map<String, String> ppc = new LinkedHashMap<>();
		ppc.put(IncidentProcess.Variables.PPC_OVERVIEW, (ja ? "%sに%sを把握。" : "%s: became aware of %s. ")
			.formatted(discovered, what) + incident.discoveryNarrative());
		ppc.put(IncidentProcess.Variables.PPC_PERSONAL_DATA, data);
		ppc.put(IncidentProcess.Variables.PPC_NUMBER_OF_PEOPLE, people);
		ppc.put(IncidentProcess.Variables.PPC_CAUSE, assessment.unauthorizedAccess()
				? (ja ? "不正アクセス等によるおそれ（調査中）" : "Possibly unauthorized access (under investigation)") : unknown);
		ppc.put(IncidentProcess.Variables.PPC_SECONDARY_DAMAGE, ja ? "現時点で確認されていない" : "None found so far");
		ppc.put(IncidentProcess.Variables.PPC_RESPONSE_TO_PEOPLE, ja ? "本人への通知を準備中" : "Notification of the people concerned in preparation");
		ppc.put(IncidentProcess.Variables.PPC_PUBLICATION, ja ? "公表を検討中" : "Publication under consideration");
		ppc.put(IncidentProcess.Variables.PPC_PREVENTION, ja ? "調査結果に基づき策定予定" : "To be decided on the findings");
		ppc.put(IncidentProcess.Variables.PPC_OTHER, ja ? "外部専門機関（Hikeshi）が調査を支援" : "Investigation supported by an outside incident-response provider (Hikeshi)");
		return new Drafts(apology.strip(), qa.strip(), ppc);
	}

	static String type(IncidentType type, boolean ja) {
		return switch (type) {
			case CARD_DATA_LEAK -> ja ? "クレジットカード情報の漏えい" : "A leak of card data";
			case SPAM_COMPLAINTS -> ja ? "迷惑メールの送信" : "Spam sent from our systems";
			case WEBSITE_DEFACED -> ja ? "Webサイトの改ざん" : "A defacement of our website";
			case DOS_ATTACK -> ja ? "DoS攻撃" : "A denial-of-service attack";
			case PC_STOLEN -> ja ? "パソコンの盗難" : "The theft of a computer";
			case PC_LOST -> ja ? "パソコンの紛失" : "The loss of a computer";
			case MISSENT_EMAIL -> ja ? "メールの誤送信" : "A misdirected e-mail";
			case MALWARE_INFECTION -> ja ? "マルウェア感染" : "A malware infection";
			case RANSOMWARE -> ja ? "ランサムウェア感染" : "A ransomware infection";
			case EMOTET -> ja ? "Emotet感染" : "An Emotet infection";
			case THREAT_RECEIVED -> ja ? "脅迫" : "A threat";
			case OTHER -> ja ? "セキュリティ事故" : "A security incident";
		};
	}

	static String category(DataCategory category, boolean ja) {
		return switch (category) {
			case GENERAL_PERSONAL -> ja ? "氏名・住所・電話番号・メールアドレス等" : "names, addresses, phone numbers, e-mail addresses";
			case SENSITIVE_PERSONAL -> ja ? "クレジットカード番号・口座番号等" : "card and bank account numbers";
			case SPECIAL_CARE -> ja ? "要配慮個人情報（病歴等）" : "special care-required data (such as medical history)";
			case NONE -> ja ? "個人情報なし" : "no personal data";
			case UNKNOWN -> ja ? "調査中" : "under investigation";
		};
	}

	/** The drafts: two texts and the nine PPC items by variable name, in the order of Art. 8(1). */
	public record Drafts(String apologyLetter, String qaSet, Map<String, String> ppcItems) {

		public Drafts {
			ppcItems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ppcItems));
		}

	}

}
