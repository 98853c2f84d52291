package org.hikeshi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Hikeshi (火消し): a security incident-response service run end to end on Camunda Platform 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HikeshiApplication {

	public static void main(String[] args) {
		SpringApplication.run(HikeshiApplication.class, args);
	}

}
