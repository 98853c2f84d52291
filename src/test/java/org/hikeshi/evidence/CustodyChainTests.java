package org.hikeshi.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash chain alone: any change to a stored value, a removed or reordered entry, is found. */
class CustodyChainTests {

	private static final Instant T = Instant.parse("2026-11-21T11:00:00Z");

	private final EvidenceItem item = new EvidenceItem(1, 42, 1, EvidenceKind.DISK_IMAGE, "PC-03", "佐藤", T, "本社",
			"a".repeat(64), "coordinator", T);

	@Test
	void anUntouchedChainVerifies() {
		assertThat(CustodyChain.problems(this.item, chain())).isEmpty();
	}

	@Test
	void aChangedEntryIsFound() {
		List<CustodyEntry> chain = chain();
		CustodyEntry second = chain.get(1);
		chain.set(1, new CustodyEntry(second.id(), second.itemId(), second.seq(), second.type(), second.fromParty(),
				"第三者", second.handedOverAt(), second.reason(), second.recordedBy(), second.recordedAt(),
				second.previousHash(), second.entryHash()));

		assertThat(CustodyChain.problems(this.item, chain)).singleElement().asString().contains("entry 2 was changed");
	}

	@Test
	void aChangedItemBreaksItsRegistration() {
		EvidenceItem changed = new EvidenceItem(1, 42, 1, EvidenceKind.DISK_IMAGE, "PC-03", "佐藤", T, "本社",
				"b".repeat(64), "coordinator", T);

		assertThat(CustodyChain.problems(changed, chain())).singleElement().asString().contains("entry 1 was changed");
	}

	@Test
	void aRemovedEntryIsFound() {
		List<CustodyEntry> chain = chain();
		chain.remove(1);

		assertThat(CustodyChain.problems(this.item, chain)).anyMatch(p -> p.contains("entry 2 is missing"))
			.anyMatch(p -> p.contains("does not point at the hash of the entry before it"));
	}

	@Test
	void aRecomputedEntryStillBreaksTheNextLink() {
		List<CustodyEntry> chain = chain();
		CustodyEntry second = chain.get(1);
		String forged = CustodyChain.hash(this.item, 2, CustodyEntryType.HANDED_OVER, second.fromParty(), "第三者",
				second.handedOverAt(), second.reason(), second.recordedBy(), second.recordedAt(), second.previousHash());
		chain.set(1, new CustodyEntry(second.id(), second.itemId(), 2, second.type(), second.fromParty(), "第三者",
				second.handedOverAt(), second.reason(), second.recordedBy(), second.recordedAt(), second.previousHash(),
				forged));

		assertThat(CustodyChain.problems(this.item, chain)).singleElement().asString()
			.contains("entry 3 does not point at the hash of the entry before it");
	}

	private List<CustodyEntry> chain() {
		List<CustodyEntry> chain = new ArrayList<>();
		String previous = CustodyChain.GENESIS;
		String[][] steps = { { null, "佐藤", "collected" }, { "佐藤", "ラボ 田中", "to the lab" }, { "ラボ 田中", "法務部", "submitted" } };
		for (int i = 0; i < steps.length; i++) {
			CustodyEntryType type = i == 0 ? CustodyEntryType.REGISTERED : CustodyEntryType.HANDED_OVER;
			Instant at = T.plusSeconds(3600L * i);
			String hash = CustodyChain.hash(this.item, i + 1, type, steps[i][0], steps[i][1], at, steps[i][2],
					"coordinator", at, previous);
			chain.add(new CustodyEntry(i + 1, 1, i + 1, type, steps[i][0], steps[i][1], at, steps[i][2], "coordinator", at,
					previous, hash));
			previous = hash;
		}
		return chain;
	}

}
