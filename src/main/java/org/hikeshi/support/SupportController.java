package org.hikeshi.support;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The report deadlines of an incident and its support documents, for coordinators and managers. */
@RestController
@RequestMapping("/api/incidents/{incidentId}")
@Tag(name = "Support", description = "Authority report deadlines and drafts (顧客・メディア対応支援)")
@SecurityRequirement(name = "basic")
class SupportController {

	private final SupportService support;

	SupportController(SupportService support) {
		this.support = support;
	}

	@GetMapping("/authority-deadlines")
	@Operation(summary = "The report deadlines (PPC preliminary and final, GDPR) and whether each was met")
	List<AuthorityDeadline> deadlines(@PathVariable long incidentId) {
		return this.support.deadlines(incidentId);
	}

	@GetMapping("/support-documents")
	@Operation(summary = "Every version of the apology letter, the Q&A set and the PPC report draft")
	List<SupportDocument> documents(@PathVariable long incidentId) {
		return this.support.documents(incidentId);
	}

}
