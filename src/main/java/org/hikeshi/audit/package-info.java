/**
 * The audit trail: who claimed, completed, reassigned or deployed what and when (the engine's user operation log),
 * and every change made through Hikeshi's own API ({@code audit_event}), readable by managers at
 * {@code GET /api/audit}.
 */
package org.hikeshi.audit;
