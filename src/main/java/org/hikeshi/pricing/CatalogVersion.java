package org.hikeshi.pricing;

import java.time.Instant;

/** A catalog version without its content, for the list of versions. */
public record CatalogVersion(int version, Instant publishedAt, String publishedBy, String note) {

}
