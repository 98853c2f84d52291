package org.hikeshi.manager;

import java.time.Duration;
import java.util.List;

/**
 * Median and 90th percentile of durations, interpolated between the two nearest values (the method of
 * spreadsheets' {@code PERCENTILE.INC}), in hours with one decimal.
 */
record Percentiles(int count, Double medianHours, Double p90Hours) {

	static Percentiles of(List<Duration> durations) {
		double[] hours = durations.stream().mapToDouble(d -> d.toSeconds() / 3600.0).sorted().toArray();
		if (hours.length == 0) {
			return new Percentiles(0, null, null);
		}
		return new Percentiles(hours.length, round(percentile(hours, 0.5)), round(percentile(hours, 0.9)));
	}

	static double percentile(double[] sorted, double p) {
		double rank = p * (sorted.length - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.length - 1);
		return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
	}

	private static double round(double hours) {
		return Math.round(hours * 10) / 10.0;
	}

}
