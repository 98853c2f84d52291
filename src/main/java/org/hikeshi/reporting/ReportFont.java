package org.hikeshi.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The TrueType font embedded (as a subset) in every report, read once at start. Without it Japanese text would
 * print as boxes, so a missing font stops the application with a message naming the key.
 */
@Component
class ReportFont {

	/** The family name the report templates ask for. */
	static final String FAMILY = "Hikeshi Sans";

	private final byte[] bytes;

	private final String location;

	ReportFont(ReportingProperties properties) {
		Resource resource = find(properties.font());
		this.location = describe(resource);
		try (InputStream in = resource.getInputStream()) {
			this.bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the report font " + this.location, ex);
		}
	}

	byte[] bytes() {
		return this.bytes;
	}

	String location() {
		return this.location;
	}

	private static Resource find(String location) {
		Resource[] found;
		try {
			found = new PathMatchingResourcePatternResolver().getResources(location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot look up the report font at hikeshi.reporting.font=" + location, ex);
		}
		// when several versions match a pattern, take the one whose location sorts last (the newest version)
		return Arrays.stream(found)
			.filter(Resource::exists)
			.max(Comparator.comparing(ReportFont::describe))
			.orElseThrow(() -> new IllegalStateException("no report font at hikeshi.reporting.font=" + location
					+ ": reports need a TrueType font with Japanese glyphs (see docs/reporting.md)"));
	}

	private static String describe(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

}
