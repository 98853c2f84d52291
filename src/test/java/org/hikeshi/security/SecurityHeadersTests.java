package org.hikeshi.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers a browser acts on: our Content-Security-Policy on our answers (the Camunda webapps send their own, and
 * only theirs), HSTS on requests that came over HTTPS through the proxy (X-Forwarded-Proto from an internal
 * address), frames only from our own pages, no MIME sniffing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersTests {

	@Autowired
	private TestRestTemplate anonymous;

	@Test
	void shouldSendOurContentSecurityPolicyOnOurAnswers() {
		for (String path : new String[] { "/actuator/health", "/api/incidents", "/status/unknown" }) {
			ResponseEntity<String> response = this.anonymous.getForEntity(path, String.class);
			assertThat(response.getHeaders().get("Content-Security-Policy")).as(path)
				.singleElement()
				.isEqualTo(WebSecurityProperties.DEFAULT_CSP);
			assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.getHeaders().getFirst("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
		}
	}

	@Test
	void shouldLeaveTheWebappsTheirOwnContentSecurityPolicy() {
		ResponseEntity<String> tasklist = this.anonymous.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);

		assertThat(tasklist.getHeaders().get("Content-Security-Policy")).singleElement()
			.asString()
			.isNotEqualTo(WebSecurityProperties.DEFAULT_CSP)
			.contains("script-src");
	}

	@Test
	void shouldSendHstsOnlyOverHttps() {
		HttpHeaders overHttps = new HttpHeaders();
		overHttps.set("X-Forwarded-Proto", "https");

		ResponseEntity<String> secure = this.anonymous.exchange("/actuator/health", HttpMethod.GET,
				new HttpEntity<>(overHttps), String.class);
		ResponseEntity<String> plain = this.anonymous.getForEntity("/actuator/health", String.class);

		assertThat(secure.getHeaders().getFirst("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000 ; includeSubDomains");
		assertThat(plain.getHeaders().getFirst("Strict-Transport-Security")).isNull();
	}

}
