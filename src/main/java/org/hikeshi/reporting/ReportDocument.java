package org.hikeshi.reporting;

import java.util.List;

import org.hikeshi.incident.Language;

/**
 * Everything one report prints, already in the client's language and formatted: the model of the template
 * {@code reports/report.html}. Optional parts are null (or empty) when they do not apply.
 */
record ReportDocument(Language language, String title, String reference, int version, String issuedAt,
		String client, String contact, String reportedAt, String discoveredAt, String responder, String dispatch,
		String policy, List<Section> sections, List<Row> timeline, Priced quote, Priced invoice,
		List<CustodyItem> custody, String custodyVerification) {

	ReportDocument {
		sections = List.copyOf(sections);
		timeline = List.copyOf(timeline);
		custody = List.copyOf(custody);
	}

	/** A report without evidence (the initial and final reports, an incident without evidence items). */
	ReportDocument(Language language, String title, String reference, int version, String issuedAt, String client,
			String contact, String reportedAt, String discoveredAt, String responder, String dispatch, String policy,
			List<Section> sections, List<Row> timeline, Priced quote, Priced invoice) {
		this(language, title, reference, version, issuedAt, client, contact, reportedAt, discoveredAt, responder,
				dispatch, policy, sections, timeline, quote, invoice, List.of(), null);
	}

	/** An evidence item of the chain of custody: what it is, its SHA-256, whether its chain verifies, its entries. */
	record CustodyItem(String item, String sha256, String verification, String headHash, List<CustodyRow> entries) {

		CustodyItem {
			entries = List.copyOf(entries);
		}

	}

	/** One custody entry: when, from whom to whom, why. */
	record CustodyRow(String at, String handOver, String reason) {
	}

	/** A titled text the coordinators entered in a task form. */
	record Section(String title, String text) {
	}

	/** One line of the timeline. */
	record Row(String at, String what, String who) {
	}

	/** The summary of an issued quote or invoice. Amounts formatted, in yen. */
	record Priced(String number, String issueDate, String registrationNumber, List<Line> lines, String subtotal,
			String consumptionTax, String total) {

		Priced {
			lines = List.copyOf(lines);
		}

	}

	/** A priced line: name, quantity with unit, unit price, amount. */
	record Line(String name, String quantity, String unitPrice, String amount) {
	}

}
