package io.emporium.platform;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Node-wide settings: where local data lives, which roles this process plays, and the
 * largest request body accepted.
 */
@ConfigurationProperties("emporium")
public record EmporiumProperties(@DefaultValue("./data") Path dataDir, @DefaultValue( {
		"web", "preview", "worker" }) Set<String> roles, @DefaultValue("1MB") DataSize maxBodySize){

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
