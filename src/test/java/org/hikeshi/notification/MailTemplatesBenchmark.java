package org.hikeshi.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentStatus;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.Language;
import org.hikeshi.incident.Phase;
import org.hikeshi.incident.Prefecture;
import org.hikeshi.pricing.Issuer;
import org.hikeshi.pricing.LineKind;
import org.hikeshi.pricing.PricedLine;
import org.hikeshi.pricing.Quote;
import org.hikeshi.pricing.QuoteStatus;
import org.hikeshi.pricing.Recipient;
import org.hikeshi.pricing.TaxSummary;

/**
 * How long a bilingual mail takes to render (docs/performance.md, "Mail templates"): {@link MailTemplates#bilingual}
 * of the "received" mail (the incident's fields) and of the quote mail (13 lines of a quote, each a record read
 * through SpEL), rounds of {@code mails} mails of each after one round not counted. Prints milliseconds per mail and
 * the total length of what was rendered (equal before and after a change that must not change the mails). Not a
 * test: it asserts nothing.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench/runtime-classpath.txt) \
 *     org.hikeshi.notification.MailTemplatesBenchmark [mails per round] [rounds]
 * </pre>
 */
public final class MailTemplatesBenchmark {

	private MailTemplatesBenchmark() {
	}

	public static void main(String[] args) {
		int mails = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		MailTemplates templates = new MailTemplates();
		Incident incident = incident();
		Map<String, Object> received = model(incident);
		received.put("actionsJa", List.of("ネットワークから切り離してください", "電源は切らないでください"));
		received.put("actionsEn", List.of("Disconnect it from the network", "Do not switch it off"));
		Map<String, Object> quote = model(incident);
		quote.put("quote", quote(incident));
		String statusUrl = "https://hikeshi.example.jp/status/0123456789abcdef";
		for (int round = 0; round <= rounds; round++) {
			long length = 0;
			long start = System.nanoTime();
			for (int i = 0; i < mails; i++) {
				length += length(templates.bilingual("ご依頼を受け付けました / Request received", "incident-received",
						Language.JA, received, statusUrl, "株式会社ヒケシ"));
				length += length(templates.bilingual("御見積書 / Quotation", "quote", Language.EN, quote, statusUrl,
						"Hikeshi K.K."));
			}
			double perMail = (System.nanoTime() - start) / 1e6 / (2.0 * mails);
			System.out.printf(Locale.ROOT, "%s: %d mails, %.3f ms each, %d characters%n",
					round == 0 ? "warm-up" : "round " + round, 2 * mails, perMail, length);
		}
	}

	private static long length(MailTemplates.MailContent mail) {
		return mail.subject().length() + mail.text().length() + mail.html().length();
	}

	private static Map<String, Object> model(Incident incident) {
		Map<String, Object> model = new HashMap<>();
		model.put("incident", incident);
		model.put("contactedAt", "2026-12-02 10:00");
		model.put("dispatchDueAt", "2026-12-03 10:00");
		model.put("dispatchedAt", null);
		model.put("signature", "株式会社ヒケシ");
		model.put("report", null);
		return model;
	}

	private static Incident incident() {
		Instant now = Instant.parse("2026-12-02T01:00:00Z");
		return new Incident(7, "IR-2026-0007", "pi-7", "株式会社テスト", ClientType.CORPORATION, "山田 太郎",
				"yamada@example.com", "03-0000-0000", Prefecture.TOKYO, now, now, EnumSet.of(IncidentType.RANSOMWARE),
				EnumSet.of(DataCategory.GENERAL_PERSONAL), "ファイルサーバのファイルが開けなくなった", false, Language.JA,
				IncidentStatus.OPEN, Phase.POLICY_DECISION, null, null, null, null, null, null, now, null, null, null,
				now);
	}

	private static Quote quote(Incident incident) {
		List<PricedLine> lines = new ArrayList<>();
		long subtotal = 0;
		for (int i = 1; i <= 13; i++) {
			long unitPrice = 50_000L * i;
			lines.add(new PricedLine((long) i, LineKind.ITEM, "ITEM-" + i, "調査項目" + i, "Item " + i, "式", "set", i,
					unitPrice, i * unitPrice, 10));
			subtotal += i * unitPrice;
		}
		long tax = subtotal / 10;
		return new Quote(incident.id(), "Q-IR-2026-0007", incident.reference(), QuoteStatus.ISSUED, 1,
				new Recipient(incident.organization(), incident.contactName()), LocalDate.of(2026, 12, 2),
				new Issuer("株式会社ヒケシ", "神奈川県横浜市西区1-2-3", "045-000-0000"), "T1234567890123", lines, subtotal,
				tax, subtotal + tax, List.of(new TaxSummary(10, subtotal, tax)));
	}

}
