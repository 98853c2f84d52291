/**
 * Problem details (RFC 7807) in place of Camunda's generic {@code 500} where a request to the engine's REST API
 * ({@code /engine-rest}, and the webapps' {@code /camunda/api/engine} that Tasklist calls) fails because of what the
 * caller asked for: a task claimed by someone else or changed concurrently ({@code 409}), a task that does not exist
 * ({@code 404}). Camunda's own answers for everything else are left as they are.
 */
package org.hikeshi.enginerest;
