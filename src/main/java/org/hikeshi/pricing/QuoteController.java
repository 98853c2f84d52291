package org.hikeshi.pricing;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quote of an incident. While it is a draft (task {@code Task_ReviewQuote}), coordinators and managers add,
 * change and remove lines; once issued it is read-only. Every change answers the whole quote with new totals.
 */
@RestController
@RequestMapping("/api/incidents/{incidentId}/quote")
@Tag(name = "Quotes", description = "The quote of an incident and its adjustment before it is sent")
@SecurityRequirement(name = "basic")
class QuoteController {

	private static final String ADJUST = "adjust quotes";

	private final QuoteService quotes;

	QuoteController(QuoteService quotes) {
		this.quotes = quotes;
	}

	@Schema(description = "An item of the quote's catalog version to add")
	record AddLineRequest(@NotBlank @Schema(example = "DATA_RECOVERY") String code,
			@NotNull @Positive @Max(10_000) Integer quantity) {

	}

	@Schema(description = "The new quantity of a line (remove the line to drop it)")
	record ChangeQuantityRequest(@NotNull @Positive @Max(10_000) Integer quantity) {

	}

	@Schema(description = "Estimated travel costs for a site outside Tokyo, Kanagawa, Chiba and Saitama")
	record TravelExpenseRequest(@NotNull ExpenseKind kind,
			@NotBlank @Size(max = 200) @Schema(example = "新幹線 東京–大阪 往復 2名") String description,
			@NotNull @Positive @Schema(description = "yen") Long unitPrice,
			@NotNull @Positive @Max(10_000) Integer quantity) {

	}

	@GetMapping
	@Operation(summary = "The quote of an incident")
	@ApiResponse(responseCode = "404", description = "No such incident, or no quote drafted yet")
	Quote get(@PathVariable long incidentId) {
		return this.quotes.getQuote(incidentId);
	}

	@PostMapping("/lines")
	@Operation(summary = "Add a catalog item to the draft")
	@ApiResponse(responseCode = "201", description = "Added; Location points at the new line")
	@ApiResponse(responseCode = "400", description = "Unknown item code or invalid quantity")
	@ApiResponse(responseCode = "409", description = "The quote has been issued, or already has this item")
	ResponseEntity<Quote> addLine(@PathVariable long incidentId, @Valid @RequestBody AddLineRequest request,
			@Parameter(hidden = true) Authentication authentication) {
		Access.requireAny(authentication, ADJUST, Access.COORDINATORS, Access.MANAGERS);
		Quote quote = this.quotes.addLine(incidentId, request.code(), request.quantity());
		return created(incidentId, quote);
	}

	@PatchMapping("/lines/{lineId}")
	@Operation(summary = "Change the quantity of a line of the draft")
	@ApiResponse(responseCode = "404", description = "No such line")
	@ApiResponse(responseCode = "409", description = "The quote has been issued")
	Quote changeQuantity(@PathVariable long incidentId, @PathVariable long lineId,
			@Valid @RequestBody ChangeQuantityRequest request,
			@Parameter(hidden = true) Authentication authentication) {
		Access.requireAny(authentication, ADJUST, Access.COORDINATORS, Access.MANAGERS);
		return this.quotes.changeQuantity(incidentId, lineId, request.quantity());
	}

	@DeleteMapping("/lines/{lineId}")
	@Operation(summary = "Remove a line from the draft")
	@ApiResponse(responseCode = "404", description = "No such line")
	@ApiResponse(responseCode = "409", description = "The quote has been issued")
	Quote removeLine(@PathVariable long incidentId, @PathVariable long lineId,
			@Parameter(hidden = true) Authentication authentication) {
		Access.requireAny(authentication, ADJUST, Access.COORDINATORS, Access.MANAGERS);
		return this.quotes.removeLine(incidentId, lineId);
	}

	@PostMapping("/travel-expenses")
	@Operation(summary = "Add estimated travel costs to the draft",
			description = "Only for sites outside Tokyo, Kanagawa, Chiba and Saitama. The invoice bills the "
					+ "expenses actually recorded (/api/incidents/{id}/expenses) instead, when there are any.")
	@ApiResponse(responseCode = "201", description = "Added; Location points at the new line")
	@ApiResponse(responseCode = "409", description = "The site is in the free area, or the quote has been issued")
	ResponseEntity<Quote> addTravelExpense(@PathVariable long incidentId,
			@Valid @RequestBody TravelExpenseRequest request,
			@Parameter(hidden = true) Authentication authentication) {
		Access.requireAny(authentication, ADJUST, Access.COORDINATORS, Access.MANAGERS);
		Quote quote = this.quotes.addTravelExpense(incidentId, request.kind(), request.description(),
				request.unitPrice(), request.quantity());
		return created(incidentId, quote);
	}

	private static ResponseEntity<Quote> created(long incidentId, Quote quote) {
		long lineId = quote.lines().stream().mapToLong(PricedLine::id).max().orElseThrow();
		return ResponseEntity.created(URI.create("/api/incidents/" + incidentId + "/quote/lines/" + lineId))
			.body(quote);
	}

}
