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

	ReportService(IdentityService identityService, IncidentService incidents, Timeline timeline,
			RuntimeService runtimeService, HistoryService historyService, QuoteService quotes, InvoiceService invoices,
			ReportRepository reports, PdfRenderer renderer, ReportingProperties properties, Clock clock) {
		this.identityService = identityService;
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
		int version = this.reports.nextVersion(incidentId, type);
		Instant now = this.clock.instant();
		ReportDocument document = EngineAsSystem.call(this.identityService,
				() -> document(incident, type, version, now, variables(incident), this.timeline.of(incident)));
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
			Map<String, Object> variables, List<TimelineEntry> entries) {
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
				dispatch, policy == null || ja ? policy : capitalized(policy), sections, rows, quote, invoice);
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
