package org.hikeshi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on threads of their own, released at the same instant, and returns their results in order. */
public final class Concurrently {

	private Concurrently() {
	}

	public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
		CyclicBarrier together = new CyclicBarrier(calls.size());
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			List<Callable<T>> released = new ArrayList<>();
			for (Callable<T> call : calls) {
				released.add(() -> {
					together.await(30, TimeUnit.SECONDS);
					return call.call();
				});
			}
			List<T> results = new ArrayList<>();
			for (Future<T> result : threads.invokeAll(released, 2, TimeUnit.MINUTES)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** The same call {@code times} times at once. */
	public static <T> List<T> run(int times, Callable<T> call) throws Exception {
		List<Callable<T>> calls = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			calls.add(call);
		}
		return run(calls);
	}

}
