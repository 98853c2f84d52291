package org.hikeshi.manager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hikeshi.manager.DashboardRepository.PeriodIncident;
import org.hikeshi.manager.DashboardService.Period;
import org.hikeshi.manager.DashboardService.Summary;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures as JSON, and the period's incidents as CSV (managers). */
@RestController
@RequestMapping("/dashboard/api")
@Validated
class DashboardController {

	/** Excel opens UTF-8 CSV with Japanese text correctly only when it starts with a byte order mark. */
	private static final String BOM = "\uFEFF";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(DashboardService.JAPAN);

	private final DashboardService dashboard;

	DashboardController(DashboardService dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/summary")
	Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "72") @Min(1) @Max(720) int horizonHours) {
		return this.dashboard.summary(this.dashboard.period(from, to), horizonHours);
	}

	@GetMapping("/incidents.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Period period = this.dashboard.period(from, to);
		StringBuilder csv = new StringBuilder(BOM);
		row(csv, List.of("reference", "organization", "status", "phase", "called_at_jst", "dispatch_due_at_jst",
				"dispatched_at_jst", "dispatch_sla", "hours_to_dispatch", "hours_to_initial_report", "hours_to_close"));
		for (PeriodIncident incident : this.dashboard.incidents(period)) {
			row(csv, Arrays.asList(incident.reference(), incident.organization(), incident.status(), incident.phase(),
					time(incident.contactedAt()), time(incident.dispatchDueAt()), time(incident.dispatchedAt()),
					this.dashboard.outcome(incident).name(), hours(incident.contactedAt(), incident.dispatchedAt()),
					hours(incident.contactedAt(), incident.initialReportAt()),
					hours(incident.contactedAt(), incident.closedAt())));
		}
		String fileName = "hikeshi-incidents-" + period.from() + "_" + period.to() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}


	private static void row(StringBuilder csv, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(values.get(i)));
		}
		csv.append("\r\n");
	}

	/**
	 * RFC 4180 quoting; a value a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @})
	 * gets a leading apostrophe, so an organization's name cannot run as one.
	 */
	static String field(String value) {
		if (value == null) {
			return "";
		}
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static String time(Instant instant) {
		return (instant != null) ? LOCAL.format(instant) : null;
	}

	private static String hours(Instant from, Instant to) {
		if (to == null) {
			return null;
		}
		return String.format(java.util.Locale.ROOT, "%.1f", Duration.between(from, to).toSeconds() / 3600.0);
	}

}
