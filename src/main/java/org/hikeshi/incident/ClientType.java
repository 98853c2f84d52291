package org.hikeshi.incident;

/** Who calls: the service is for corporations and organisations; individuals are referred elsewhere. */
public enum ClientType {

	CORPORATION, ORGANIZATION, INDIVIDUAL

}
