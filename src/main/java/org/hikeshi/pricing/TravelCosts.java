package org.hikeshi.pricing;

import org.hikeshi.incident.Prefecture;

/** 東京・神奈川・千葉・埼玉以外のエリアの場合、交通費等の実費をお客様にご負担いただきます. */
final class TravelCosts {

	private TravelCosts() {
	}

	static void requireChargeable(Prefecture site) {
		if (!site.travelCostsCharged()) {
			throw new PricingConflictException("Travel costs not charged",
					"Travel costs are not charged for a site in " + site.englishName() + " (" + site.japaneseName()
							+ "): sites in Tokyo, Kanagawa, Chiba and Saitama are served without travel costs.");
		}
	}

}
