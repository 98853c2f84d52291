package org.hikeshi.pricing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invoice of an incident and the actual costs recorded for it until it is issued. */
@RestController
@RequestMapping("/api/incidents/{incidentId}")
@Tag(name = "Invoices", description = "The invoice of an incident and its recorded expenses")
@SecurityRequirement(name = "basic")
class InvoiceController {

	private static final String RECORD = "record expenses";

	private final InvoiceService invoices;

	InvoiceController(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Schema(description = "An actual travel cost of a site outside Tokyo, Kanagawa, Chiba and Saitama")
	record ExpenseRequest(@NotNull ExpenseKind kind,
			@NotBlank @Size(max = 200) @Schema(example = "新幹線 東京–大阪 往復 2名") String description,
			@NotNull @Positive @Schema(description = "yen", example = "58000") Long amount,
			@NotNull LocalDate incurredOn) {

	}

	@GetMapping("/invoice")
	@Operation(summary = "The invoice of an incident")
	@ApiResponse(responseCode = "404", description = "No such incident, or not invoiced yet")
	Invoice invoice(@PathVariable long incidentId) {
		return this.invoices.getInvoice(incidentId);
	}

	@GetMapping("/expenses")
	@Operation(summary = "The actual costs recorded for an incident")
	List<Expense> expenses(@PathVariable long incidentId) {
		return this.invoices.expenses(incidentId);
	}

	@PostMapping("/expenses")
	@Operation(summary = "Record an actual travel cost", description = "Billed on the invoice, replacing the "
			+ "quote's estimated travel costs. Only for sites outside Tokyo, Kanagawa, Chiba and Saitama.")
	@ApiResponse(responseCode = "201", description = "Recorded; Location points at the expense")
	@ApiResponse(responseCode = "409", description = "The site is in the free area, or the invoice was issued")
	ResponseEntity<Expense> record(@PathVariable long incidentId, @Valid @RequestBody ExpenseRequest request,
			@Parameter(hidden = true) Authentication authentication) {
		String user = Access.requireAny(authentication, RECORD, Access.COORDINATORS, Access.MANAGERS);
		Expense expense = this.invoices.recordExpense(incidentId, request.kind(), request.description(),
				request.amount(), request.incurredOn(), user);
		return ResponseEntity.created(URI.create("/api/incidents/" + incidentId + "/expenses/" + expense.id()))
			.body(expense);
	}

	@DeleteMapping("/expenses/{expenseId}")
	@Operation(summary = "Delete a recorded expense (until the invoice is issued)")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such expense")
	ResponseEntity<Void> delete(@PathVariable long incidentId, @PathVariable long expenseId,
			@Parameter(hidden = true) Authentication authentication) {
		Access.requireAny(authentication, RECORD, Access.COORDINATORS, Access.MANAGERS);
		this.invoices.deleteExpense(incidentId, expenseId);
		return ResponseEntity.noContent().build();
	}

}
