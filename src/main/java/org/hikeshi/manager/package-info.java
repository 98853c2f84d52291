/**
 * Managers' tools in the browser: the modeler at {@code /modeler} (process and decision diagrams, forms; checked by
 * the server's deployment validator, deployed with a change note, running incidents migrated to a new version) and
 * the SLA and workload dashboard at {@code /dashboard}. Pages and their JSON endpoints take a session login of the
 * engine's users ({@code /manager/login}) with CSRF protection, for members of {@code managers} only.
 */
package org.hikeshi.manager;
