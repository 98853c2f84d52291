package org.hikeshi.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.Language;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the investigation reports from the incident record, the engine's history and what coordinators entered
 * in the task forms, in the client's language, and stores each as a new version with its SHA-256.
 */
@Service
public class ReportService {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final IncidentService incidents;

	private final Timeline timeline;

	private final RuntimeService runtimeService;

	private final ReportRepository reports;

	private final Clock clock;

	ReportService(IncidentService incidents, Timeline timeline, RuntimeService runtimeService,
			ReportRepository reports, Clock clock) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.runtimeService = runtimeService;
		this.reports = reports;
		this.clock = clock;
	}

	/** Generates a new version of a report of a running incident; earlier versions stay. */
	@Transactional
	public Report create(long incidentId, ReportType type, String producedBy) {
		Incident incident = this.incidents.get(incidentId);
		Map<String, Object> variables = this.runtimeService.getVariables(incident.processInstanceId());
		int version = this.reports.nextVersion(incidentId, type);
		Instant now = this.clock.instant();
		byte[] content = render(incident, type, version, now, variables).getBytes(StandardCharsets.UTF_8);
		String fileName = incident.reference() + "-" + type.slug() + "-v" + version + ".txt";
		Report report = new Report(0, incidentId, type, version, incident.language(), fileName,
				"text/plain; charset=UTF-8", content, sha256(content), now, producedBy);
		long id = this.reports.insert(report);
		return new Report(id, incidentId, type, version, report.language(), fileName, report.contentType(), content,
				report.sha256(), now, producedBy);
	}

	public Optional<Report> latest(long incidentId, ReportType type) {
		return this.reports.findLatest(incidentId, type);
	}

	public List<Report> all(long incidentId) {
		return this.reports.findByIncident(incidentId);
	}

	String render(Incident incident, ReportType type, int version, Instant now, Map<String, Object> variables) {
		boolean ja = incident.language() == Language.JA;
		StringBuilder text = new StringBuilder();
		text.append(ja ? type.japaneseTitle() : type.englishTitle()).append('\n');
		text.append("=".repeat(40)).append("\n\n");
		line(text, ja ? "お客様" : "Client", incident.organization());
		line(text, ja ? "ご担当者" : "Contact", incident.contactName());
		line(text, ja ? "受付番号" : "Reference", incident.reference());
		line(text, ja ? "版" : "Version", String.valueOf(version));
		line(text, ja ? "作成日時" : "Issued", TIME.format(now));
		line(text, ja ? "受付日時" : "Reported", TIME.format(incident.contactedAt()));
		line(text, ja ? "発覚日時" : "Discovered", TIME.format(incident.discoveredAt()));
		if (incident.responderName() != null) {
			line(text, ja ? "対応者" : "Responder", incident.responderName());
		}
		if (incident.responsePolicy() != null) {
			line(text, ja ? "対応方針" : "Policy", switch (incident.responsePolicy()) {
				case RECOVERY_FIRST -> ja ? "業務復旧を優先" : "Business recovery first";
				case EVIDENCE_FIRST -> ja ? "証拠の取得を優先" : "Evidence first";
			});
		}
		text.append('\n');
		for (ReportSection section : ReportSection.of(type)) {
			Object value = variables.get(section.variable());
			if (value != null && !value.toString().isBlank()) {
				text.append("■ ").append(section.title(incident.language())).append('\n');
				text.append(value.toString().strip()).append("\n\n");
			}
		}
		text.append("■ ").append(ja ? "経緯" : "Timeline").append('\n');
		for (TimelineEntry entry : this.timeline.of(incident)) {
			text.append(TIME.format(entry.at()))
				.append("  ")
				.append(ja ? entry.japanese() : entry.english())
				.append(entry.who() == null ? "" : "  (" + entry.who() + ")")
				.append('\n');
		}
		return text.toString();
	}

	private static void line(StringBuilder text, String label, String value) {
		text.append(label).append(": ").append(value == null ? "-" : value).append('\n');
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
