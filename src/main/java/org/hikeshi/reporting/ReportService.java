package org.hikeshi.reporting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.hikeshi.evidence.CustodyService;
import org.hikeshi.evidence.EvidenceRecord;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;
import org.hikeshi.pricing.InvoiceService;
import org.hikeshi.pricing.PricedLine;
import org.hikeshi.pricing.QuoteService;
import org.hikeshi.system.EngineAsSystem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the investigation reports as PDF from the incident record, the engine's history, what coordinators
 * entered in the task forms and the issued quote or invoice, in the client's language, and stores each as a new
 * version with its SHA-256. Earlier versions are never overwritten.
 */
@Service
public class ReportService {

	static final String CONTENT_TYPE = "application/pdf";

	private final IncidentService incidents;

	private final Timeline timeline;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final QuoteService quotes;

	private final InvoiceService invoices;

	private final ReportRepository reports;

	private final PdfRenderer renderer;

	private final ReportingProperties properties;

	private final Clock clock;

	private final IdentityService identityService;

	private final CustodyService custody;

	ReportService(IdentityService identityService, IncidentService incidents, Timeline timeline,
			RuntimeService runtimeService, HistoryService historyService, QuoteService quotes, InvoiceService invoices,
			ReportRepository reports, PdfRenderer renderer, ReportingProperties properties, Clock clock,
			CustodyService custody) {
		this.identityService = identityService;
		this.custody = custody;
		this.incidents = incidents;
		this.timeline = timeline;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.quotes = quotes;
		this.invoices = invoices;
		this.reports = reports;
		this.renderer = renderer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Generates a new version of a report of an incident (running or ended) and stores it; earlier versions stay.
	 * @param producedBy what produced it: the process activity id, or who regenerated it
	 */
	@Transactional
	public Report create(long incidentId, ReportType type, String producedBy) {
		Incident incident = this.incidents.get(incidentId);
		return create(incident, type, producedBy, EngineAsSystem.call(this.identityService, () -> variables(incident)));
	}

	/**
	 * Generates a new version of a report from a step of the incident's own process, which passes the process
	 * instance's variables as it sees them: the process is running, so they need not be looked up.
	 * @param producedBy the process activity id
	 */
	@Transactional
	public Report create(long incidentId, ReportType type, String producedBy, Map<String, Object> processVariables) {
		return create(this.incidents.get(incidentId), type, producedBy, processVariables);
	}

	private Report create(Incident incident, ReportType type, String producedBy, Map<String, Object> variables) {
		long incidentId = incident.id();
		int version = this.reports.nextVersion(incidentId, type);
		Instant now = this.clock.instant();
		ReportDocument document = EngineAsSystem.call(this.identityService,
				() -> document(incident, type, version, now, variables, this.timeline.of(incident),
						type == ReportType.FULL ? this.custody.records(incidentId) : List.of()));
		byte[] content = this.renderer.render(document);
		String fileName = incident.reference() + "-" + type.slug() + "-v" + version + ".pdf";
		Report report = new Report(0, incidentId, type, version, incident.language(), fileName, CONTENT_TYPE,
				content, sha256(content), now, producedBy);
		long id = this.reports.insert(report);
		return new Report(id, incidentId, type, version, report.language(), fileName, report.contentType(), content,
				report.sha256(), now, producedBy);
	}

	/** The newest version of a report, with its content. */
	public Optional<Report> latest(long incidentId, ReportType type) {
		return this.reports.findLatest(incidentId, type);
	}

	/** Every version of every report of an incident, oldest first, with their content. */
	public List<Report> all(long incidentId) {
		return this.reports.findByIncident(incidentId);
	}

	/** Every version of every report of an incident, oldest first, without content. */
	public List<ReportSummary> summaries(long incidentId) {
		return this.reports.findSummaries(incidentId);
	}

	/** One stored report, only if it belongs to the incident. */
	public Optional<Report> find(long incidentId, long reportId) {
		return this.reports.findById(reportId).filter(r -> r.incidentId() == incidentId);
	}

	ReportDocument document(Incident incident, ReportType type, int version, Instant now,
			Map<String, Object> variables, List<TimelineEntry> entries, List<EvidenceRecord> evidence) {
		Language language = incident.language();
		boolean ja = language == Language.JA;
		DateTimeFormatter time = DateTimeFormatter
			.ofPattern(ja ? "yyyy年M月d日 HH:mm" : "d MMM yyyy, HH:mm", language.locale())
			.withZone(this.properties.zone());
		List<ReportDocument.Section> sections = new ArrayList<>();
		for (ReportSection section : ReportSection.of(type)) {
			Object value = variables.get(section.variable());
			if (value != null && !value.toString().isBlank()) {
				sections.add(new ReportDocument.Section(section.title(language), section.text(value, language)));
			}
		}
		List<ReportDocument.Row> rows = entries.stream()
			.map(e -> new ReportDocument.Row(time.format(e.at()), ja ? e.japanese() : e.english(),
					e.who() == null ? "—" : e.who()))
			.toList();
		ReportDocument.Priced quote = type != ReportType.FULL ? null
				: this.quotes.findQuote(incident.id())
					.filter(q -> q.issued())
					.map(q -> priced(q.number(), q.issueDate(), q.registrationNumber(), q.lines(), q.subtotal(),
							q.consumptionTax(), q.total(), language))
					.orElse(null);
		ReportDocument.Priced invoice = type != ReportType.FINAL ? null
				: this.invoices.findInvoice(incident.id())
					.map(i -> priced(i.number(), i.issueDate(), i.registrationNumber(), i.lines(), i.subtotal(),
							i.consumptionTax(), i.total(), language))
					.orElse(null);
		String dispatch = incident.dispatchedAt() == null ? null
				: time.format(incident.dispatchedAt()) + (ja ? "（" : " (")
						+ Timeline.dispatchSla(incident.dispatchMargin(), language) + (ja ? "）" : ")");
		String policy = incident.responsePolicy() == null ? null : Timeline.policy(incident.responsePolicy(), language);
		return new ReportDocument(language, ja ? type.japaneseTitle() : type.englishTitle(), incident.reference(),
				version, time.format(now), incident.organization() + (ja ? " 御中" : ""), incident.contactName(),
				time.format(incident.contactedAt()), time.format(incident.discoveredAt()), incident.responderName(),
				dispatch, policy == null || ja ? policy : capitalized(policy), sections, rows, quote, invoice,
				evidence.stream().map(e -> custodyItem(e, time, ja)).toList(), custodyVerification(evidence, ja));
	}

	private static ReportDocument.CustodyItem custodyItem(EvidenceRecord record, DateTimeFormatter time, boolean ja) {
		var item = record.item();
		String name = (ja ? "No." : "No. ") + item.itemNo() + " " + (ja ? item.kind().japanese() : item.kind().english())
				+ (ja ? "：" : ": ") + item.description();
		String verification = record.verified() ? (ja ? "検証済み（改ざんなし）" : "Verified (unchanged)")
				: (ja ? "検証できません: " : "Does not verify: ") + String.join("; ", record.problems());
		List<ReportDocument.CustodyRow> rows = record.chain()
			.stream()
			.map(e -> new ReportDocument.CustodyRow(time.format(e.handedOverAt()),
					(e.fromParty() == null ? "—" : e.fromParty()) + " → " + e.toParty(), e.reason()))
			.toList();
		return new ReportDocument.CustodyItem(name, item.sha256(), verification, record.headHash(), rows);
	}

	private static String custodyVerification(List<EvidenceRecord> evidence, boolean ja) {
		if (evidence.isEmpty()) {
			return null;
		}
		long broken = evidence.stream().filter(e -> !e.verified()).count();
		if (broken == 0) {
			return ja ? "全" + evidence.size() + "点の証拠について、保管の連鎖（ハッシュチェーン）を検証しました。改ざんはありません。"
					: "The chain of custody (hash chain) of all " + evidence.size() + " items verifies: nothing was changed.";
		}
		return ja ? evidence.size() + "点中" + broken + "点の保管の連鎖が検証できません。記録が変更されています。"
				: broken + " of " + evidence.size() + " chains of custody do not verify: records were changed.";
	}

	private static ReportDocument.Priced priced(String number, LocalDate issueDate, String registrationNumber,
			List<PricedLine> lines, long subtotal, long consumptionTax, long total, Language language) {
		boolean ja = language == Language.JA;
		DateTimeFormatter date = DateTimeFormatter.ofPattern(ja ? "yyyy年M月d日" : "d MMM yyyy", language.locale());
		List<ReportDocument.Line> priced = lines.stream()
			.map(l -> new ReportDocument.Line(ja ? l.nameJa() : l.nameEn(),
					l.quantity() + " " + (ja ? l.unitJa() : l.unitEn()), yen(l.unitPrice()), yen(l.amount())))
			.toList();
		return new ReportDocument.Priced(number, issueDate == null ? null : date.format(issueDate),
				registrationNumber, priced, yen(subtotal), yen(consumptionTax), yen(total));
	}

	/** Yen, whole: {@code ¥1,234,567}. */
	static String yen(long amount) {
		return "¥" + NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * The process variables the forms wrote: from the running process, or from history once it has ended (the
	 * final report may be regenerated after the incident is closed).
	 */
	private Map<String, Object> variables(Incident incident) {
		String processInstanceId = incident.processInstanceId();
		if (processInstanceId == null) {
			return Map.of();
		}
		boolean running = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.count() > 0;
		if (running) {
			return this.runtimeService.getVariables(processInstanceId);
		}
		Map<String, Object> values = new HashMap<>();
		for (HistoricVariableInstance variable : this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.disableCustomObjectDeserialization()
			.list()) {
			if (variable.getValue() != null) {
				values.putIfAbsent(variable.getName(), variable.getValue());
			}
		}
		return values;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
