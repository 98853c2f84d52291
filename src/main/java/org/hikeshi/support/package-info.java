/**
 * Client, media and authority support (顧客・メディア対応支援): the assessment of the reporting duties, the report
 * deadlines (PPC preliminary and final reports under the APPI, GDPR Article 33) with their warnings and whether they
 * were met, the drafts of the apology letter, the Q&amp;A set and the report to the PPC. See docs/phases.md.
 */
package org.hikeshi.support;
