package org.hikeshi.pricing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalog: versions that managers publish (prices change without a rebuild, old versions stay) and the
 * named packages priced from them.
 */
@Service
public class CatalogService {

	private final CatalogRepository catalogs;

	private final PricingProperties properties;

	private final Clock clock;

	CatalogService(CatalogRepository catalogs, PricingProperties properties, Clock clock) {
		this.catalogs = catalogs;
		this.properties = properties;
		this.clock = clock;
	}

	/** The newest catalog version, the one new quotes use. */
	@Transactional(readOnly = true)
	public Catalog current() {
		int version = this.catalogs.latestVersion().orElseThrow(PricingNotFoundException::noCatalog);
		return version(version);
	}

	@Transactional(readOnly = true)
	public Catalog version(int version) {
		return this.catalogs.find(version).orElseThrow(() -> PricingNotFoundException.catalogVersion(version));
	}

	@Transactional(readOnly = true)
	public List<CatalogVersion> versions() {
		return this.catalogs.versions();
	}

	/** The packages of a catalog version, each priced with tax. */
	@Transactional(readOnly = true)
	public List<PricedPackage> packages(int version) {
		Catalog catalog = version(version);
		return catalog.packages().stream().map(p -> price(catalog, p, this.properties.taxRatePercent())).toList();
	}

	@Transactional(readOnly = true)
	public List<PricedPackage> currentPackages() {
		return packages(current().version());
	}

	/**
	 * Publishes a new catalog version after checking that codes are unique, packages name items of the version
	 * and add up to their advertised prices. Of two managers publishing at the same moment (on one node or two),
	 * one gets the next version number and the other a {@link PricingConflictException}; so does one whose changes
	 * are based on a version that is no longer the newest.
	 */
	@Transactional
	public Catalog publish(PublishCatalogRequest content, String publishedBy) {
		validate(content);
		int latest = this.catalogs.latestVersion().orElse(0);
		if (content.basedOnVersion() != null && content.basedOnVersion() != latest) {
			throw PricingConflictException.outdatedBase(content.basedOnVersion(), latest);
		}
		int version = latest + 1;
		try {
			this.catalogs.insert(version, this.clock.instant(), publishedBy, content);
		}
		catch (DuplicateKeyException publishedConcurrently) {
			throw PricingConflictException.concurrentPublication(version);
		}
		return version(version);
	}

	/** Whether any catalog version exists. */
	@Transactional(readOnly = true)
	public boolean hasCatalog() {
		return this.catalogs.latestVersion().isPresent();
	}

	static PricedPackage price(Catalog catalog, CatalogPackage pkg, int taxRatePercent) {
		List<PricedLine> lines = pkg.items()
			.stream()
			.map(line -> PricedLine.ofItem(null, catalog.findItem(line.itemCode())
				.orElseThrow(() -> new PricingConfigurationException("Package " + pkg.code() + " of catalog version "
						+ catalog.version() + " names unknown item " + line.itemCode())),
					line.quantity(), taxRatePercent))
			.toList();
		Totals totals = Totals.of(lines);
		return new PricedPackage(pkg.code(), pkg.nameJa(), pkg.nameEn(), catalog.version(), pkg.advertisedPrice(),
				lines, totals.subtotal(), totals.consumptionTax(), totals.total());
	}

	/** Checks what bean validation cannot: uniqueness, references and advertised prices. */
	static void validate(PublishCatalogRequest content) {
		List<PricingInputException.FieldProblem> problems = new ArrayList<>();
		Map<String, Long> prices = new HashMap<>();
		for (int i = 0; i < content.items().size(); i++) {
			CatalogItem item = content.items().get(i);
			String field = "items[" + i + "]";
			if (item == null || item.code() == null) {
				problems.add(new PricingInputException.FieldProblem(field + ".code", "is required"));
				continue;
			}
			if (prices.containsKey(item.code())) {
				problems.add(new PricingInputException.FieldProblem(field + ".code",
						"'" + item.code() + "' appears more than once"));
			}
			if (item.unitPrice() == null || item.unitPrice() < 0) {
				problems.add(new PricingInputException.FieldProblem(field + ".unitPrice",
						"must be zero or more yen, not " + item.unitPrice()));
			}
			prices.put(item.code(), item.unitPrice() == null ? 0 : item.unitPrice());
		}
		Set<String> packageCodes = new HashSet<>();
		for (int p = 0; p < content.packages().size(); p++) {
			CatalogPackage pkg = content.packages().get(p);
			String field = "packages[" + p + "]";
			if (pkg == null || pkg.code() == null || pkg.items() == null) {
				problems.add(new PricingInputException.FieldProblem(field, "needs a code and items"));
				continue;
			}
			if (!packageCodes.add(pkg.code()) || prices.containsKey(pkg.code())) {
				problems.add(new PricingInputException.FieldProblem(field + ".code",
						"'" + pkg.code() + "' is already used by another package or item"));
			}
			long sum = 0;
			boolean complete = true;
			for (int l = 0; l < pkg.items().size(); l++) {
				PackageItem line = pkg.items().get(l);
				String lineField = field + ".items[" + l + "]";
				if (line == null || !prices.containsKey(line.itemCode())) {
					problems.add(new PricingInputException.FieldProblem(lineField + ".itemCode",
							"unknown item code '" + (line == null ? null : line.itemCode())
									+ "': not an item of this catalog version"));
					complete = false;
					continue;
				}
				if (line.quantity() < 1) {
					problems.add(new PricingInputException.FieldProblem(lineField + ".quantity",
							"must be at least 1, not " + line.quantity()));
					complete = false;
					continue;
				}
				sum = Math.addExact(sum, Math.multiplyExact(prices.get(line.itemCode()), line.quantity()));
			}
			if (complete && pkg.advertisedPrice() != null && pkg.advertisedPrice() != sum) {
				problems.add(new PricingInputException.FieldProblem(field + ".advertisedPrice",
						String.format("is %,d yen but the items add up to %,d yen", pkg.advertisedPrice(), sum)));
			}
		}
		if (!problems.isEmpty()) {
			throw new PricingInputException(problems);
		}
	}

}
