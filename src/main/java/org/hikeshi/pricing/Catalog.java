package org.hikeshi.pricing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One published version of the service catalog: its items and named packages. Versions never change. */
public record Catalog(int version, Instant publishedAt, String publishedBy, String note, List<CatalogItem> items,
		List<CatalogPackage> packages) {

	static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{1,39}";

	static final String CODE_MESSAGE = "must be 2 to 40 upper-case letters, digits or underscores, starting with a letter";

	public Catalog {
		items = List.copyOf(items);
		packages = List.copyOf(packages);
	}

	public Optional<CatalogItem> findItem(String code) {
		return this.items.stream().filter(i -> i.code().equals(code)).findFirst();
	}

	public Optional<CatalogPackage> findPackage(String code) {
		return this.packages.stream().filter(p -> p.code().equals(code)).findFirst();
	}

}
