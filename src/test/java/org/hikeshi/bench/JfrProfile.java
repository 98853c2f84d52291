package org.hikeshi.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the execution samples of a JFR recording of the benchmark (taken with
 * {@code -Dbench.jvm="-Xmx8g -XX:StartFlightRecording=filename=...,settings=profile -XX:FlightRecorderOptions=stackdepth=256"})
 * and prints where Hikeshi's incidents spend their time: the samples of one thread under a frame of side A
 * (Hikeshi's driver) and of side B (the diagram baseline's), which run as many instances in the section
 * {@code lifecycle}, so the two counts compare as they are; A's samples by the innermost Hikeshi method on their
 * stack (the service or repository method that caused them); and, given a focus, the methods inside that frame by
 * their samples, which is how the FEEL engine's built-in functions were found under the quote's decision.
 *
 * <pre>
 * java -cp target/test-classes org.hikeshi.bench.JfrProfile recording.jfr [focus] [rows] [thread] [frame of A] [frame of B]
 * </pre>
 *
 * Defaults: no focus, 40 rows, thread {@code main}, A {@code HikeshiDriver.runToClose}, B
 * {@code DiagramBaseline.runOne}. ({@code jfr print --json} cuts every stack at five frames unless given
 * {@code --stack-depth}; this reads them whole.)
 */
public final class JfrProfile {

	private JfrProfile() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 0) {
			System.err.println("usage: JfrProfile recording.jfr [focus] [rows] [thread] [frame of A] [frame of B]");
			System.exit(2);
		}
		String focus = args.length > 1 && !args[1].isEmpty() ? args[1] : null;
		int rows = args.length > 2 ? Integer.parseInt(args[2]) : 40;
		String thread = args.length > 3 ? args[3] : "main";
		String sideA = args.length > 4 ? args[4] : "HikeshiDriver.runToClose";
		String sideB = args.length > 5 ? args[5] : "DiagramBaseline.runOne";
		Map<String, Integer> innermostOurs = new HashMap<>();
		Map<String, Integer> insideFocus = new HashMap<>();
		int[] samples = new int[3];
		try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
			while (recording.hasMoreEvents()) {
				RecordedEvent event = recording.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
					continue;
				}
				RecordedThread sampled = event.getThread("sampledThread");
				RecordedStackTrace stack = event.getStackTrace();
				if (sampled == null || !thread.equals(sampled.getJavaName()) || stack == null) {
					continue;
				}
				List<String> frames = frames(stack);
				if (frames.stream().anyMatch(f -> f.contains(sideB))) {
					samples[1]++;
				}
				if (frames.stream().noneMatch(f -> f.contains(sideA))) {
					continue;
				}
				samples[0]++;
				innermostOurs.merge(frames.stream().filter(JfrProfile::ours).findFirst().orElse("(engine, driver)"), 1,
						Integer::sum);
				int outermost = focus == null ? -1 : outermost(frames, focus);
				if (outermost >= 0) {
					samples[2]++;
					for (String method : new HashSet<>(frames.subList(0, outermost))) {
						insideFocus.merge(method, 1, Integer::sum);
					}
				}
			}
		}
		System.out.printf("thread %s: %d samples under %s (A), %d under %s (B)%n", thread, samples[0], sideA, samples[1],
				sideB);
		System.out.println("\nA's samples by the innermost Hikeshi method (PDF rendering is counted apart in the results):");
		print(innermostOurs, rows);
		if (focus != null) {
			System.out.printf("%nmethods inside %s (%d of A's samples) by their samples:%n", focus, samples[2]);
			print(insideFocus, rows);
		}
	}

	private static void print(Map<String, Integer> counts, int rows) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(rows)
			.forEach(e -> System.out.printf("%7d  %s%n", e.getValue(), e.getKey()));
	}

	/** The index of the outermost frame naming {@code focus}, or -1: the frames before it ran inside it. */
	private static int outermost(List<String> frames, String focus) {
		for (int i = frames.size() - 1; i >= 0; i--) {
			if (frames.get(i).contains(focus)) {
				return i;
			}
		}
		return -1;
	}

	/** Java frames, innermost first, as {@code class.method}. */
	private static List<String> frames(RecordedStackTrace stack) {
		List<String> frames = new ArrayList<>();
		for (RecordedFrame frame : stack.getFrames()) {
			if (frame.isJavaFrame()) {
				frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
			}
		}
		return frames;
	}

	/**
	 * A method of Hikeshi's main code: not the benchmark, not the command interceptor every engine call passes, not
	 * a Spring proxy or a lambda, so that a sample lands on the service or repository method that caused it.
	 */
	private static boolean ours(String method) {
		return method.startsWith("org.hikeshi.") && !method.startsWith("org.hikeshi.bench.")
				&& !method.contains("QueryExpressionGuard") && !method.contains("$$") && !method.contains("Lambda");
	}

}
