package org.hikeshi.pricing;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Publishes catalog version 1 from {@code classpath:pricing/catalog-v1.json} when the database has no catalog yet,
 * during start-up (after Flyway, before the job executor runs quote tasks). Later versions come from managers.
 */
@Component
class CatalogSeeder implements InitializingBean {

	static final String SEED = "pricing/catalog-v1.json";

	static final String SEED_USER = "system";

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

	private final CatalogService catalogs;

	CatalogSeeder(CatalogService catalogs) {
		this.catalogs = catalogs;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.catalogs.hasCatalog()) {
			return;
		}
		try {
			Catalog catalog = this.catalogs.publish(read(), SEED_USER);
			log.info("Published catalog version {} from {} ({} items, {} packages)", catalog.version(), SEED,
					catalog.items().size(), catalog.packages().size());
		}
		catch (PricingConflictException | DuplicateKeyException seededByAnotherNode) {
			log.info("Catalog version 1 was published by another node meanwhile");
		}
	}

	static PublishCatalogRequest read() {
		try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
			return JsonMapper.builder().build().readValue(in, PublishCatalogRequest.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the seed catalog " + SEED, ex);
		}
	}

}
