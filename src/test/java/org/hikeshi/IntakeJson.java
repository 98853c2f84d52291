package org.hikeshi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/incidents} for a company's card-data leak, as tests send it. */
public final class IntakeJson {

	private IntakeJson() {
	}

	/** An intake of a call that came in at {@code contactedAt}: the dispatch SLA counts from there. */
	public static Map<String, Object> cardDataLeak(OffsetDateTime contactedAt) {
		return cardDataLeak(contactedAt, false);
	}

	/** An intake of a call that came in just now; with an insider suspected, the incident is confidential. */
	public static Map<String, Object> cardDataLeak(boolean insiderSuspected) {
		return cardDataLeak(OffsetDateTime.now(ZoneOffset.ofHours(9)), insiderSuspected);
	}

	public static Map<String, Object> cardDataLeak(OffsetDateTime contactedAt, boolean insiderSuspected) {
		Map<String, Object> body = new HashMap<>();
		body.put("organization", "株式会社サンプル商事");
		body.put("clientType", "CORPORATION");
		body.put("contactName", "山田 太郎");
		body.put("email", "soc@example.co.jp");
		body.put("phone", "06-1234-5678");
		body.put("prefecture", "Osaka");
		body.put("discoveredAt", contactedAt.minusHours(3).toString());
		body.put("contactedAt", contactedAt.toString());
		body.put("incidentTypes", List.of("CARD_DATA_LEAK"));
		body.put("dataCategories", List.of("SENSITIVE_PERSONAL"));
		body.put("discoveryNarrative", "取引先から機密情報が漏洩していると通報があった");
		body.put("insiderSuspected", insiderSuspected);
		body.put("language", "ja");
		return body;
	}

}
