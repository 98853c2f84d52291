package org.hikeshi.monitoring;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts from the IDS/IPS and SOC tools ({@code POST}, as a member of {@code sensors}) and what coordinators see of
 * the monitoring.
 */
@RestController
@RequestMapping("/api/incidents/{incidentId}")
@Validated
@Tag(name = "Monitoring", description = "IDS/IPS alerts and the monitoring period (不正アクセス監視)")
@SecurityRequirement(name = "basic")
class AlertController {

	private final MonitoringService monitoring;

	AlertController(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@PostMapping("/alerts")
	@Operation(summary = "Report an alert of the IDS/IPS or SOC tool",
			description = "Rated by the DMN table alert-danger. A critical or high alert starts an analyst's task "
					+ "(1 hour) and mails the countermeasure to the client's system administrator; an alert of the same "
					+ "signature within the duplicate window is collapsed into the first (duplicateOf).")
	@ApiResponse(responseCode = "201", description = "Recorded, with its danger and whether it was collapsed or correlated")
	@ApiResponse(responseCode = "409", description = "The incident is not being monitored (not installed yet, or ended)")
	ResponseEntity<Alert> receive(@PathVariable long incidentId, @Valid @RequestBody AlertRequest request,
			Principal sensor) {
		Alert alert = this.monitoring.receive(incidentId, request, sensor.getName());
		return ResponseEntity.created(URI.create("/api/incidents/" + incidentId + "/alerts/" + alert.id())).body(alert);
	}

	@GetMapping("/alerts")
	@Operation(summary = "The incident's alerts, newest first")
	List<Alert> alerts(@PathVariable long incidentId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return this.monitoring.alerts(incidentId, page, size);
	}

	@GetMapping("/monitoring")
	@Operation(summary = "The monitoring period and its monthly reports")
	MonitoringView monitoring(@PathVariable long incidentId) {
		List<MonitoringReport> reports = this.monitoring.reports(incidentId);
		Optional<MonitoringPeriod> period = this.monitoring.period(incidentId);
		return new MonitoringView(period.orElse(null), reports);
	}

	/** The period (null before the sensor is installed) and the reports so far. */
	record MonitoringView(MonitoringPeriod period, List<MonitoringReport> reports) {
	}

}
