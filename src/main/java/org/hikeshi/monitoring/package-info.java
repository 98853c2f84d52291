/**
 * Unauthorized-access monitoring (不正アクセス監視): the contracted monitoring period, alerts from the IDS/IPS and SOC
 * tools rated by the DMN table {@code alert-danger}, storms of duplicates collapsed, critical and high alerts
 * correlated to the incident's process as the message {@code alertRaised}, and the monthly monitoring report.
 * See docs/phases.md.
 */
package org.hikeshi.monitoring;
