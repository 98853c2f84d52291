package org.hikeshi.reporting;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the investigation reports ({@code hikeshi.reporting.*}).
 *
 * @param font where the TrueType font embedded in every report is found (a Spring resource location, patterns
 * allowed); the default is the M+ 1p font of the {@code org.asciidoctor:asciidoctorj-pdf} dependency, which has
 * the Latin, kana and kanji glyphs our reports need
 * @param zone the time zone in which reports print dates and times
 */
@ConfigurationProperties("hikeshi.reporting")
record ReportingProperties(
		@DefaultValue("classpath*:gems/asciidoctor-pdf-*/data/fonts/mplus1p-regular-fallback.ttf") String font,
		@DefaultValue("Asia/Tokyo") ZoneId zone) {
}
