package org.hikeshi.pricing;

import java.time.Instant;
import java.time.LocalDate;

/** An actual cost recorded for an incident, in yen, billed on its invoice. */
public record Expense(long id, long incidentId, ExpenseKind kind, String description, long amount,
		LocalDate incurredOn, String recordedBy, Instant recordedAt) {

}
