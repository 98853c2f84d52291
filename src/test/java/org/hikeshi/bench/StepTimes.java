package org.hikeshi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Where an instance's time goes, step by step: the milliseconds of each job (by the activity it continues or fires)
 * and each task completion (by task), summed over the measured instances, to set Hikeshi's steps beside the same
 * steps of the baseline that runs its diagram.
 */
final class StepTimes {

	private final Map<String, double[]> millis = new ConcurrentHashMap<>();

	private final Map<String, String> activities = new ConcurrentHashMap<>();

	private volatile boolean on;

	/** Counts from now on (after the warm-up). */
	void start() {
		this.millis.clear();
		this.on = true;
	}

	<T> T time(String step, Supplier<T> work) {
		long start = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			if (this.on) {
				double took = Stats.millisSince(start);
				this.millis.compute(step, (k, sum) -> sum == null ? new double[] { took, 1 }
						: new double[] { sum[0] + took, sum[1] + 1 });
			}
		}
	}

	void time(String step, Runnable work) {
		time(step, () -> {
			work.run();
			return null;
		});
	}

	/** The step of a job: the activity it continues or fires (its job definition's, looked up once). */
	String job(ManagementService management, Job job) {
		String definition = job.getJobDefinitionId();
		return "job " + this.activities.computeIfAbsent(definition == null ? "" : definition, id -> {
			JobDefinition found = id.isEmpty() ? null
					: management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
			return found == null ? "(no definition)" : found.getActivityId();
		});
	}

	static String task(String taskDefinitionKey) {
		return "task " + taskDefinitionKey;
	}

	/**
	 * The steps where this took longest beyond the other, per instance: {@code step +x ms (this / other)}; the sums of
	 * all steps first.
	 */
	String beside(StepTimes other, int instances, int top) {
		double mine = this.millis.values().stream().mapToDouble(v -> v[0]).sum() / instances;
		double theirs = other.millis.values().stream().mapToDouble(v -> v[0]).sum() / instances;
		List<String> steps = new ArrayList<>(this.millis.keySet());
		other.millis.keySet().stream().filter(k -> !this.millis.containsKey(k)).forEach(steps::add);
		steps.sort((a, b) -> Double.compare(extra(b, other, instances), extra(a, other, instances)));
		return String.format(Locale.ROOT, "%.1f ms per instance against %.1f; most beyond it: ", mine, theirs)
				+ steps.stream().limit(top).map(step -> String.format(Locale.ROOT, "%s +%.1f ms (%.1f / %.1f)", step,
						extra(step, other, instances), per(this, step, instances), per(other, step, instances)))
					.collect(Collectors.joining(", "));
	}

	private double extra(String step, StepTimes other, int instances) {
		return per(this, step, instances) - per(other, step, instances);
	}

	private static double per(StepTimes times, String step, int instances) {
		double[] sum = times.millis.get(step);
		return sum == null ? 0 : sum[0] / instances;
	}

}
