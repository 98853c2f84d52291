package org.hikeshi.reporting;

import java.time.Instant;

/** One line of an incident's timeline: when, what (Japanese / English) and who. */
public record TimelineEntry(Instant at, String japanese, String english, String who) {
}
