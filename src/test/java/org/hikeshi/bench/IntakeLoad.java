package org.hikeshi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hikeshi.IntakeJson;

/**
 * Open-loop load on {@code POST /api/incidents}: one intake every {@code 1 / rate} seconds, whatever the answers
 * take (a slow answer does not delay the next call), as a coordinator over HTTP Basic. Remembers, per incident,
 * when its call was sent.
 */
final class IntakeLoad {

	private final HttpClient http;

	private final URI intakes;

	private final String authorization;

	private final ObjectMapper json = new ObjectMapper();

	private final AtomicInteger sequence = new AtomicInteger();

	/** Incident id to the instant its intake was sent. */
	final Map<Long, Instant> postedAt = new ConcurrentHashMap<>();

	final Stats answerMillis = new Stats();

	final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

	/** Calls answered 201, warm-up included. */
	final AtomicInteger created = new AtomicInteger();

	private final ExecutorService callers = Executors.newFixedThreadPool(8);

	IntakeLoad(int port, String user, String password) {
		this.http = HttpClient.newBuilder().executor(this.callers).connectTimeout(Duration.ofSeconds(5)).build();
		this.intakes = URI.create("http://localhost:" + port + "/api/incidents");
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sends {@code rate} intakes per second for {@code seconds}; returns when every call has been answered (or
	 * failed). Only calls of a measured run are remembered.
	 */
	void run(int rate, int seconds, boolean measured) throws InterruptedException {
		int calls = rate * seconds;
		CountDownLatch answered = new CountDownLatch(calls);
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		AtomicInteger sent = new AtomicInteger();
		try {
			clock.scheduleAtFixedRate(() -> {
				if (sent.getAndIncrement() < calls) {
					send(measured, answered);
				}
			}, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
			if (!answered.await(seconds + 120L, TimeUnit.SECONDS)) {
				this.errors.add(answered.getCount() + " intakes unanswered 120 s after the last was sent");
			}
		}
		finally {
			clock.shutdownNow();
		}
	}

	private void send(boolean measured, CountDownLatch answered) {
		int n = this.sequence.incrementAndGet();
		Map<String, Object> body = IntakeJson.cardDataLeak(OffsetDateTime.now(ZoneOffset.ofHours(9)));
		body.put("email", "intake-" + n + "@bench.example.jp");
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(this.intakes)
				.header("Authorization", this.authorization)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
				.build();
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		Instant posted = Instant.now();
		long start = System.nanoTime();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			try {
				if (failure != null) {
					this.errors.add(failure.toString());
				}
				else if (response.statusCode() != 201) {
					this.errors.add(response.statusCode() + " " + response.body());
				}
				else {
					this.created.incrementAndGet();
					if (measured) {
						synchronized (this.answerMillis) {
							this.answerMillis.add(Stats.millisSince(start));
						}
						String location = response.headers().firstValue("Location").orElseThrow();
						this.postedAt.put(Long.valueOf(location.substring(location.lastIndexOf('/') + 1)), posted);
					}
				}
			}
			finally {
				answered.countDown();
			}
		});
	}

	void close() {
		this.callers.shutdownNow();
	}

}
