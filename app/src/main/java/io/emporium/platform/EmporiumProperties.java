package io.emporium.platform;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Node-wide settings: where local data lives, which roles this process plays, the largest
 * request body accepted, and the namespace that keeps this store's Redis keys and
 * RabbitMQ exchanges apart from other stores on the same servers.
 */
@ConfigurationProperties("emporium")
public record EmporiumProperties(@DefaultValue("./data") Path dataDir, @DefaultValue( {
		"web", "preview", "worker" }) Set<String> roles, @DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("emporium") String namespace){

	private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	public EmporiumProperties {
		if (!NAMESPACE.matcher(namespace).matches()) {
			throw new IllegalArgumentException("emporium.namespace must be 1-63 lower-case letters, digits, - or _");
		}
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

}
