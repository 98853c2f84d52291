package org.hikeshi.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This node of a cluster: a name an operator recognises ({@code hikeshi.cluster.node-name}, default the host name)
 * and, for the rows a node takes for itself in the shared database, an owner id that is that name plus a random
 * part, unique for each run of the application. The job executor locks jobs under it ({@code ACT_RU_JOB.LOCK_OWNER_}),
 * the mail outbox claims mail under it ({@code mail_outbox.claimed_by}), and the engine writes the name into its job
 * log ({@code ACT_HI_JOB_LOG.HOSTNAME_}): whoever looks at the database sees which node holds or ran what.
 */
public final class ClusterNode {

	/** Room for the owner in the narrowest column that holds it ({@code mail_outbox.claimed_by}). */
	static final int MAX_OWNER_LENGTH = 100;

	private final String name;

	private final String owner;

	ClusterNode(String name) {
		String trimmed = name == null || name.isBlank() ? localHostName() : name.trim();
		this.name = trimmed.length() <= 60 ? trimmed : trimmed.substring(0, 60);
		this.owner = this.name + "/" + UUID.randomUUID();
	}

	/** The node's name, the same after a restart. */
	public String name() {
		return this.name;
	}

	/** The node's name and an id unique to this run: what its claims and job locks are recorded under. */
	public String owner() {
		return this.owner;
	}

	static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

	@Override
	public String toString() {
		return this.owner;
	}

}
