package org.hikeshi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measurement (milliseconds, or incidents per second), their median and high percentiles. */
final class Stats {

	private final List<Double> samples = new ArrayList<>();

	void add(double sample) {
		this.samples.add(sample);
	}

	void addAll(Stats other) {
		this.samples.addAll(other.samples);
	}

	/** The sample added {@code index}-th (from 0). */
	double get(int index) {
		return this.samples.get(index);
	}

	int count() {
		return this.samples.size();
	}

	double median() {
		return percentile(50);
	}

	double p95() {
		return percentile(95);
	}

	double p99() {
		return percentile(99);
	}

	double sum() {
		return this.samples.stream().mapToDouble(Double::doubleValue).sum();
	}

	double mean() {
		return this.samples.isEmpty() ? Double.NaN : sum() / this.samples.size();
	}

	/** Nearest-rank percentile: with few samples p99 is the largest one. */
	double percentile(double p) {
		if (this.samples.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.samples);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	static double millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000.0;
	}

}
