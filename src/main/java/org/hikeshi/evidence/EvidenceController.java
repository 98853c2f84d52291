package org.hikeshi.evidence;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chain of custody of an incident's evidence. Records are appended, never changed. */
@RestController
@RequestMapping("/api/incidents/{incidentId}/evidence")
@Tag(name = "Evidence", description = "Chain of custody of the evidence (証拠保全)")
@SecurityRequirement(name = "basic")
class EvidenceController {

	private final CustodyService custody;

	EvidenceController(CustodyService custody) {
		this.custody = custody;
	}

	@PostMapping
	@Operation(summary = "Register a collected evidence item with its SHA-256")
	@ApiResponse(responseCode = "201", description = "Registered, with the first entry of its chain")
	ResponseEntity<EvidenceRecord> register(@PathVariable long incidentId,
			@Valid @RequestBody RegisterEvidenceRequest request, Principal user) {
		EvidenceRecord record = this.custody.register(incidentId, request, user.getName());
		return ResponseEntity
			.created(URI.create("/api/incidents/" + incidentId + "/evidence/" + record.item().itemNo()))
			.body(record);
	}

	@GetMapping
	@Operation(summary = "Every item with its chain of custody and whether it verifies")
	List<EvidenceRecord> list(@PathVariable long incidentId) {
		return this.custody.records(incidentId);
	}

	@GetMapping("/{itemNo}")
	@Operation(summary = "One item with its chain of custody")
	EvidenceRecord get(@PathVariable long incidentId, @PathVariable int itemNo) {
		return this.custody.record(incidentId, itemNo);
	}

	@PostMapping("/{itemNo}/handovers")
	@Operation(summary = "Record a hand-over of an item (from its current custodian)")
	@ApiResponse(responseCode = "201", description = "Appended to the chain")
	@ApiResponse(responseCode = "409", description = "Not from the custodian, before the last entry, or the chain is broken")
	ResponseEntity<EvidenceRecord> handOver(@PathVariable long incidentId, @PathVariable int itemNo,
			@Valid @RequestBody HandOverRequest request, Principal user) {
		EvidenceRecord record = this.custody.handOver(incidentId, itemNo, request, user.getName());
		return ResponseEntity.created(URI.create("/api/incidents/" + incidentId + "/evidence/" + itemNo)).body(record);
	}

	@GetMapping("/verification")
	@Operation(summary = "Re-compute every chain of custody of the incident")
	CustodyVerification verification(@PathVariable long incidentId) {
		return this.custody.verify(incidentId);
	}

}
