package org.hikeshi.pricing;

/** Whom a quote or invoice is addressed to: the client organisation (御中) and its contact (様). */
public record Recipient(String organization, String contactName) {

}
