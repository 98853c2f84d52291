package org.hikeshi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table the benchmark prints and writes to {@code target/bench/results.md}. */
final class Results {

	private final List<String> lines = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final String header;

	Results(String header) {
		this.header = header;
		this.lines.add("| measurement | unit | median | p99 | samples | target |");
		this.lines.add("|---|---|---:|---:|---:|---|");
	}

	void row(String measurement, String unit, double median, double p99, int samples, String target) {
		this.lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s |", measurement, unit, fmt(median),
				fmt(p99), samples, target));
		System.out.println("[bench] " + this.lines.get(this.lines.size() - 1));
	}

	void row(String measurement, String unit, Stats stats, String target) {
		row(measurement, unit, stats.median(), stats.p99(), stats.count(), target);
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("[bench] " + note);
	}

	static String fmt(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	String markdown() {
		StringBuilder out = new StringBuilder(this.header).append("\n\n");
		this.lines.forEach(l -> out.append(l).append('\n'));
		if (!this.notes.isEmpty()) {
			out.append('\n');
			this.notes.forEach(n -> out.append("- ").append(n).append('\n'));
		}
		return out.toString();
	}

	void print() {
		System.out.println();
		System.out.println(markdown());
	}

	void write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, markdown());
	}

}
