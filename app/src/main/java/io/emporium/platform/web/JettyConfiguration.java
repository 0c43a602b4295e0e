package io.emporium.platform.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Makes even Jetty's own error answers problem+json, and lets a burst of new connections
 * queue in the kernel instead of being dropped.
 */
@Configuration(proxyBeanMethods = false)
class JettyConfiguration implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

	/**
	 * Pending connections the kernel keeps for us. Jetty leaves it at 0, which the JDK
	 * turns into 50: a flash sale opening hundreds of connections at once would see
	 * resets.
	 */
	private static final int ACCEPT_QUEUE_SIZE = 1024;

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		factory.addServerCustomizers((server) -> {
			server.setErrorHandler(new ProblemErrorHandler());
			for (Connector connector : server.getConnectors()) {
				if (connector instanceof ServerConnector serverConnector) {
					serverConnector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
				}
			}
		});
	}

}
