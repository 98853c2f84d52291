package org.hikeshi.pricing;

/** The provider as printed on an issued quote or invoice. */
public record Issuer(String name, String address, String phone) {

}
