package org.hikeshi.incident;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hikeshi.security.Roles;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The intake as a JSON API, for integrations and scripts. HTTP Basic with the webapps' users. */
@RestController
@RequestMapping("/api/incidents")
@Validated
@Tag(name = "Incidents", description = "Report an incident and follow it")
@SecurityRequirement(name = "basic")
class IncidentController {

	private final IncidentService incidents;

	IncidentController(IncidentService incidents) {
		this.incidents = incidents;
	}

	@PostMapping
	@Operation(summary = "Report an incident",
			description = "Starts the incident-response process exactly as the intake start form does. "
					+ "Individuals are referred to IPA and the police and their incident ends at once.")
	@ApiResponse(responseCode = "201", description = "Registered; Location points at the incident")
	@ApiResponse(responseCode = "400", description = "Invalid intake: problem details with the field errors")
	ResponseEntity<IncidentView> report(@Valid @RequestBody IntakeRequest request) {
		Incident incident = this.incidents.intake(request);
		return ResponseEntity.created(URI.create("/api/incidents/" + incident.id())).body(IncidentView.of(incident));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An incident with its phase and status")
	@ApiResponse(responseCode = "404", description = "No such incident")
	IncidentView get(@PathVariable long id) {
		return IncidentView.of(this.incidents.get(id));
	}

	@GetMapping
	@Operation(summary = "Incidents, newest first",
			description = "Managers see every incident; others do not see confidential incidents (an insider is "
					+ "suspected) unless they are the assigned responder.")
	List<IncidentView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, @Parameter(hidden = true) Authentication user) {
		return this.incidents.listVisibleTo(user.getName(), Roles.isManager(user), page, size)
			.stream()
			.map(IncidentView::of)
			.toList();
	}

}
