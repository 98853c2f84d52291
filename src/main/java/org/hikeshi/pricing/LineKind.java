package org.hikeshi.pricing;

/** What a document line bills. */
public enum LineKind {

	/** A catalog item at its catalog price. */
	ITEM,
	/** Actual costs (実費): travel and accommodation for sites outside Tokyo, Kanagawa, Chiba and Saitama. */
	EXPENSE

}
