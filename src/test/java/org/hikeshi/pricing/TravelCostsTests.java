package org.hikeshi.pricing;

import java.util.EnumSet;

import org.hikeshi.incident.Prefecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Travel costs are charged for sites outside Tokyo, Kanagawa, Chiba and Saitama, and only there. */
class TravelCostsTests {

	@ParameterizedTest
	@EnumSource(value = Prefecture.class, names = { "TOKYO", "KANAGAWA", "CHIBA", "SAITAMA" })
	void freeAreaPaysNoTravelCosts(Prefecture site) {
		assertThatThrownBy(() -> TravelCosts.requireChargeable(site)).isInstanceOf(PricingConflictException.class)
			.hasMessageContaining("Travel costs are not charged for a site in " + site.englishName())
			.hasMessageContaining(site.japaneseName());
	}

	@ParameterizedTest
	@EnumSource(value = Prefecture.class, names = { "TOKYO", "KANAGAWA", "CHIBA", "SAITAMA" },
			mode = EnumSource.Mode.EXCLUDE)
	void everyOtherPrefecturePaysTravelCosts(Prefecture site) {
		assertThatCode(() -> TravelCosts.requireChargeable(site)).doesNotThrowAnyException();
	}

	@org.junit.jupiter.api.Test
	void freeAreaIsExactlyFourPrefectures() {
		EnumSet<Prefecture> free = EnumSet.noneOf(Prefecture.class);
		for (Prefecture p : Prefecture.values()) {
			if (!p.travelCostsCharged()) {
				free.add(p);
			}
		}
		org.assertj.core.api.Assertions.assertThat(free)
			.containsExactlyInAnyOrder(Prefecture.TOKYO, Prefecture.KANAGAWA, Prefecture.CHIBA, Prefecture.SAITAMA);
	}

}
