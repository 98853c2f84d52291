package org.hikeshi.pricing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Catalog versions with their items and packages, through plain JDBC. Rows are only ever inserted. */
@Repository
class CatalogRepository {

	private final JdbcClient jdbc;

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Integer> latestVersion() {
		return this.jdbc.sql("SELECT version FROM pricing_catalog_version ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
			.query(Integer.class)
			.optional();
	}

	List<CatalogVersion> versions() {
		return this.jdbc.sql("SELECT * FROM pricing_catalog_version ORDER BY version DESC")
			.query((rs, row) -> new CatalogVersion(rs.getInt("version"),
					rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"),
					rs.getString("note")))
			.list();
	}

	Optional<Catalog> find(int version) {
		Optional<CatalogVersion> header = versions().stream().filter(v -> v.version() == version).findFirst();
		return header.map(h -> new Catalog(h.version(), h.publishedAt(), h.publishedBy(), h.note(), items(version),
				packages(version)));
	}

	/** Inserts a whole version; a version number taken meanwhile raises a DuplicateKeyException. */
	void insert(int version, Instant publishedAt, String publishedBy, PublishCatalogRequest content) {
		this.jdbc.sql("INSERT INTO pricing_catalog_version (version, published_at, published_by, note) VALUES (?, ?, ?, ?)")
			.params(version, publishedAt.atOffset(ZoneOffset.UTC), publishedBy, content.note())
			.update();
		int itemNo = 0;
		for (CatalogItem item : content.items()) {
			this.jdbc.sql("""
					INSERT INTO pricing_item (catalog_version, code, line_no, category, name_ja, name_en, unit_ja,
						unit_en, unit_price)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(version, item.code(), ++itemNo, item.category().name(), item.nameJa(), item.nameEn(),
						item.unitJa(), item.unitEn(), item.unitPrice())
				.update();
		}
		int packageNo = 0;
		for (CatalogPackage pkg : content.packages()) {
			this.jdbc.sql("""
					INSERT INTO pricing_package (catalog_version, code, line_no, name_ja, name_en, advertised_price)
					VALUES (?, ?, ?, ?, ?, ?)
					""")
				.params(version, pkg.code(), ++packageNo, pkg.nameJa(), pkg.nameEn(), pkg.advertisedPrice())
				.update();
			int lineNo = 0;
			for (PackageItem line : pkg.items()) {
				this.jdbc.sql("""
						INSERT INTO pricing_package_item (catalog_version, package_code, line_no, item_code, quantity)
						VALUES (?, ?, ?, ?, ?)
						""")
					.params(version, pkg.code(), ++lineNo, line.itemCode(), line.quantity())
					.update();
			}
		}
	}

	private List<CatalogItem> items(int version) {
		return this.jdbc.sql("SELECT * FROM pricing_item WHERE catalog_version = ? ORDER BY line_no")
			.param(version)
			.query((rs, row) -> new CatalogItem(rs.getString("code"), ItemCategory.valueOf(rs.getString("category")),
					rs.getString("name_ja"), rs.getString("name_en"), rs.getString("unit_ja"),
					rs.getString("unit_en"), rs.getLong("unit_price")))
			.list();
	}

	private List<CatalogPackage> packages(int version) {
		Map<String, List<PackageItem>> lines = new LinkedHashMap<>();
		this.jdbc.sql("SELECT * FROM pricing_package_item WHERE catalog_version = ? ORDER BY package_code, line_no")
			.param(version)
			.query(rs -> {
				lines.computeIfAbsent(rs.getString("package_code"), code -> new ArrayList<>())
					.add(new PackageItem(rs.getString("item_code"), rs.getInt("quantity")));
			});
		return this.jdbc.sql("SELECT * FROM pricing_package WHERE catalog_version = ? ORDER BY line_no")
			.param(version)
			.query((rs, row) -> new CatalogPackage(rs.getString("code"), rs.getString("name_ja"),
					rs.getString("name_en"), (Long) rs.getObject("advertised_price", Long.class),
					lines.getOrDefault(rs.getString("code"), List.of())))
			.list();
	}

}
