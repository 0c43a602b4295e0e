package io.emporium;

import org.springframework.boot.SpringApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Emporium: one modular artifact that runs a whole store, from a laptop to a cluster. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
public class EmporiumApplication {

	public static void main(String[] args) {
		SpringApplication.run(EmporiumApplication.class, args);
	}

}
