package org.branchlink.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** BranchLink: one application that joins a county's libraries and cultural centres. */
@SpringBootApplication(scanBasePackages = "org.branchlink")
@ConfigurationPropertiesScan("org.branchlink")
public class BranchLinkApplication {

	public static void main(String[] args) {
		SpringApplication.run(BranchLinkApplication.class, args);
	}

}
