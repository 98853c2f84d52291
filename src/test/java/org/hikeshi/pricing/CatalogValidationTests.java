package org.hikeshi.pricing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A catalog version is checked before it is published; every problem is named by its field. */
class CatalogValidationTests {

	private final PublishCatalogRequest seed = CatalogSeeder.read();

	@Test
	void seedCatalogIsValid() {
		assertThatCode(() -> CatalogService.validate(this.seed)).doesNotThrowAnyException();
	}

	@Test
	void changedPriceThatBreaksAnAdvertisedPackageIsRefused() {
		List<CatalogItem> items = new ArrayList<>(this.seed.items());
		int index = indexOf(items, "DATA_RECOVERY");
		CatalogItem old = items.get(index);
		items.set(index, new CatalogItem(old.code(), old.category(), old.nameJa(), old.nameEn(), old.unitJa(),
				old.unitEn(), 170_000L));

		assertThatThrownBy(() -> CatalogService.validate(new PublishCatalogRequest("値上げ", items, this.seed.packages())))
			.isInstanceOfSatisfying(PricingInputException.class, ex -> assertThat(ex.problems())
				.containsExactly(new PricingInputException.FieldProblem("packages[2].advertisedPrice",
						"is 800,000 yen but the items add up to 820,000 yen")));
	}

	@Test
	void packageNamingAnUnknownItemIsRefused() {
		List<CatalogPackage> packages = new ArrayList<>(this.seed.packages());
		packages.add(new CatalogPackage("EXTRA", "追加", "Extra", null, List.of(new PackageItem("NO_SUCH_ITEM", 1))));

		assertThatThrownBy(() -> CatalogService.validate(new PublishCatalogRequest(null, this.seed.items(), packages)))
			.isInstanceOfSatisfying(PricingInputException.class, ex -> assertThat(ex.problems())
				.containsExactly(new PricingInputException.FieldProblem("packages[8].items[0].itemCode",
						"unknown item code 'NO_SUCH_ITEM': not an item of this catalog version")));
	}

	@Test
	void duplicateCodesAndNegativePricesAreRefused() {
		List<CatalogItem> items = new ArrayList<>(this.seed.items());
		items.add(new CatalogItem("PHONE_HEARING", ItemCategory.RESCUE, "重複", "Duplicate", "式", "lot", -5L));

		assertThatThrownBy(() -> CatalogService.validate(new PublishCatalogRequest(null, items, List.of())))
			.isInstanceOfSatisfying(PricingInputException.class, ex -> assertThat(ex.problems()).containsExactly(
					new PricingInputException.FieldProblem("items[36].code", "'PHONE_HEARING' appears more than once"),
					new PricingInputException.FieldProblem("items[36].unitPrice", "must be zero or more yen, not -5")));
	}

	@Test
	void packageQuantityBelowOneIsRefused() {
		List<CatalogPackage> packages = List.of(new CatalogPackage("BAD", "不正", "Bad", null,
				List.of(new PackageItem("PHONE_HEARING", -1))));

		assertThatThrownBy(() -> CatalogService.validate(new PublishCatalogRequest(null, this.seed.items(), packages)))
			.isInstanceOf(PricingInputException.class)
			.hasMessageContaining("packages[0].items[0].quantity must be at least 1, not -1");
	}

	private static int indexOf(List<CatalogItem> items, String code) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).code().equals(code)) {
				return i;
			}
		}
		throw new IllegalArgumentException(code);
	}

}
