package io.emporium;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole store on its embedded database in {@code dataDir} (H2 wants a leading
 * "./"), on a free port, for tests that stop a node and start it again on the same data.
 */
public final class EmbeddedNode {

	private EmbeddedNode() {
	}

	public static ConfigurableApplicationContext start(String dataDir, String... arguments) {
		String[] args = new String[arguments.length + 2];
		args[0] = "--emporium.data-dir=" + dataDir;
		args[1] = "--server.port=0";
		System.arraycopy(arguments, 0, args, 2, arguments.length);
		return new SpringApplicationBuilder(EmporiumApplication.class).profiles("test").run(args);
	}

	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
