/**
 * Mail to clients and managers, and the client's status page. Service tasks queue bilingual mail (text and HTML)
 * in the outbox in their own transaction, keyed by incident and event so that a replayed step queues nothing;
 * {@link org.hikeshi.notification.OutboxSender} delivers it in order per incident with retries, and a mail that keeps
 * failing becomes a Cockpit incident and an entry managers see and retry under {@code /api/notifications}. Each
 * client mail links to {@code /status/{token}}, a read-only page of that incident (phase, mail sent, reports).
 * The default run's mail catcher (GreenMail) is here too. See {@code docs/notification.md}.
 */
package org.hikeshi.notification;
