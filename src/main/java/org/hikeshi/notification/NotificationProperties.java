package org.hikeshi.notification;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The sender and the provider's signature and contact under every mail. */
@ConfigurationProperties("hikeshi.notification")
@Validated
public record NotificationProperties(@NotBlank String from, @NotBlank String signature) {
}
