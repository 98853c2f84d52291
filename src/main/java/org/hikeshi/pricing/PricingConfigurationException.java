package org.hikeshi.pricing;

/**
 * The pricing configuration or rules cannot produce a valid document: no issuer or qualified-invoice registration
 * number configured, or the DMN decision proposing a code the catalog does not have. In a service task it fails
 * the job (an incident in Cockpit with this message); fix the configuration and retry.
 */
public class PricingConfigurationException extends IllegalStateException {

	PricingConfigurationException(String message) {
		super(message);
	}

}
