package org.hikeshi.manager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session against the managers' tools: cookies kept, redirects not followed, the CSRF token
 * taken from the page's {@code <meta name="_csrf">} as the bundled scripts do.
 */
final class ManagerSession {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private String csrf;

	ManagerSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logs in through the login form; the answer to the form's POST. */
	HttpResponse<String> logIn(String user, String password) {
		HttpResponse<String> page = get("/manager/login");
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token(page.body()));
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(this.base + "/manager/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		HttpResponse<String> modeler = get("/modeler");
		if (modeler.statusCode() == 200) {
			this.csrf = token(modeler.body());
		}
		return answer;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html,application/json").GET());
	}

	/** A JSON POST with the page's CSRF token. */
	HttpResponse<String> post(String path, String json) {
		return post(path, json, true);
	}

	HttpResponse<String> post(String path, String json, boolean withCsrf) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (withCsrf && this.csrf != null) {
			request.header("X-CSRF-TOKEN", this.csrf);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
