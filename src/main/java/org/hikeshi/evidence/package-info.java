/**
 * Evidence chain of custody (証拠保全): evidence items with their SHA-256, every hand-over afterwards, as
 * append-only, hash-chained records; the verification of the chains; the check that evidence-first incidents
 * submit only evidence whose chain verifies. See docs/phases.md.
 */
package org.hikeshi.evidence;
