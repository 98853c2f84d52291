package org.hikeshi.pricing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consumption tax: once per rate on the subtotal, rounded down to the yen. */
class TotalsTests {

	private static PricedLine line(String code, int quantity, long unitPrice, int rate) {
		return PricedLine.of(null, LineKind.ITEM, code, code, code, "式", "lot", quantity, unitPrice, rate);
	}

	@ParameterizedTest(name = "{0} yen at {1}% -> {2} yen tax")
	@CsvSource({ "12345, 10, 1234", "19, 10, 1", "9, 10, 0", "0, 10, 0", "90000, 10, 9000", "2480000, 10, 248000",
			"1999, 8, 159" })
	void taxIsRoundedDown(long subtotal, int rate, long tax) {
		Totals totals = Totals.of(List.of(line("A", 1, subtotal, rate)));

		assertThat(totals.consumptionTax()).isEqualTo(tax);
		assertThat(totals.total()).isEqualTo(subtotal + tax);
	}

	@Test
	void taxIsComputedOnceOnTheSumNotPerLine() {
		// per line: 99 + 99 = 198; on the sum 1,998 × 10% = 199.8 -> 199
		Totals totals = Totals.of(List.of(line("A", 1, 999, 10), line("B", 1, 999, 10)));

		assertThat(totals.subtotal()).isEqualTo(1_998);
		assertThat(totals.consumptionTax()).isEqualTo(199);
		assertThat(totals.total()).isEqualTo(2_197);
		assertThat(totals.byRate()).containsExactly(new TaxSummary(10, 1_998, 199));
	}

	@Test
	void eachRateIsSummedAndRoundedSeparately() {
		Totals totals = Totals.of(List.of(line("A", 3, 333, 10), line("B", 1, 1_001, 8), line("C", 1, 5, 10)));

		assertThat(totals.byRate()).containsExactly(new TaxSummary(10, 1_004, 100), new TaxSummary(8, 1_001, 80));
		assertThat(totals.subtotal()).isEqualTo(2_005);
		assertThat(totals.consumptionTax()).isEqualTo(180);
		assertThat(totals.total()).isEqualTo(2_185);
	}

	@Test
	void noLinesMakeZero() {
		assertThat(Totals.of(List.of())).isEqualTo(new Totals(0, 0, 0, List.of()));
	}

	@Test
	void amountIsQuantityTimesUnitPrice() {
		assertThat(line("TERMINAL_INVESTIGATION", 4, 350_000, 10).amount()).isEqualTo(1_400_000);
	}

	@Test
	void lineRefusesQuantityBelowOneAndNegativePrice() {
		assertThatThrownBy(() -> line("A", 0, 100, 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("quantity of A must be at least 1");
		assertThatThrownBy(() -> line("A", 1, -1, 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must not be negative");
	}

	@Test
	void overflowIsAnErrorNotAWrongAmount() {
		assertThatThrownBy(() -> line("A", Integer.MAX_VALUE, Long.MAX_VALUE / 2, 10))
			.isInstanceOf(ArithmeticException.class);
	}

}
