package org.hikeshi.evidence;

/** The kind of a custody record: the first one of an item, or a hand-over. */
public enum CustodyEntryType {

	/** The item was collected and registered (the first entry of its chain). */
	REGISTERED,
	/** The item passed from one custodian to another. */
	HANDED_OVER

}
