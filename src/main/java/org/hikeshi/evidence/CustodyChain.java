package org.hikeshi.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of an item's custody records. Each entry's hash is the SHA-256 of a canonical encoding of its own
 * fields, the previous entry's hash and, for the first entry, the item's registered fields; so changing any stored
 * value of the item or of an entry, reordering entries or removing one from the middle breaks the chain.
 */
final class CustodyChain {

	/** The previous hash of an item's first entry. */
	static final String GENESIS = "0".repeat(64);

	private CustodyChain() {
	}

	static String hash(EvidenceItem item, int seq, CustodyEntryType type, String fromParty, String toParty,
			Instant handedOverAt, String reason, String recordedBy, Instant recordedAt, String previousHash) {
		StringBuilder canonical = new StringBuilder("hikeshi-custody-v1");
		field(canonical, Long.toString(item.incidentId()));
		field(canonical, Integer.toString(item.itemNo()));
		if (type == CustodyEntryType.REGISTERED) {
			field(canonical, item.kind().name());
			field(canonical, item.description());
			field(canonical, item.collectedBy());
			field(canonical, item.collectedAt().toString());
			field(canonical, item.location());
			field(canonical, item.sha256());
			field(canonical, item.registeredBy());
			field(canonical, item.registeredAt().toString());
		}
		field(canonical, Integer.toString(seq));
		field(canonical, type.name());
		field(canonical, fromParty);
		field(canonical, toParty);
		field(canonical, handedOverAt.toString());
		field(canonical, reason);
		field(canonical, recordedBy);
		field(canonical, recordedAt.toString());
		field(canonical, previousHash);
		return sha256(canonical.toString());
	}

	/** Re-computes the chain of one item from what is stored; an empty list means it verifies. */
	static List<String> problems(EvidenceItem item, List<CustodyEntry> entries) {
		List<String> problems = new ArrayList<>();
		if (entries.isEmpty()) {
			problems.add("item " + item.itemNo() + " has no custody record");
			return problems;
		}
		String previous = GENESIS;
		for (int i = 0; i < entries.size(); i++) {
			CustodyEntry entry = entries.get(i);
			if (entry.seq() != i + 1) {
				problems.add("entry " + (i + 1) + " is missing (found entry " + entry.seq() + " in its place)");
			}
			if ((i == 0) != (entry.type() == CustodyEntryType.REGISTERED)) {
				problems.add("entry " + entry.seq() + " is " + entry.type() + "; only the first entry registers the item");
			}
			if (!previous.equals(entry.previousHash())) {
				problems.add("entry " + entry.seq() + " does not point at the hash of the entry before it");
			}
			String expected = hash(item, entry.seq(), entry.type(), entry.fromParty(), entry.toParty(),
					entry.handedOverAt(), entry.reason(), entry.recordedBy(), entry.recordedAt(), entry.previousHash());
			if (!expected.equals(entry.entryHash())) {
				problems.add("entry " + entry.seq() + " was changed after it was recorded (hash "
						+ abbreviated(entry.entryHash()) + " stored, " + abbreviated(expected) + " computed)");
			}
			previous = entry.entryHash();
		}
		return problems;
	}

	/** Length-prefixed, so that no two different field lists encode alike. */
	private static void field(StringBuilder canonical, String value) {
		String text = value == null ? "" : value;
		canonical.append('|').append(value == null ? -1 : text.length()).append(':').append(text);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static String abbreviated(String hash) {
		return hash == null || hash.length() < 12 ? String.valueOf(hash) : hash.substring(0, 12) + "…";
	}

}
