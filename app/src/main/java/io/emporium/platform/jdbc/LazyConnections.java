package io.emporium.platform.jdbc;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A transaction takes a pooled connection at its first statement, not when it begins. The
 * event externalizer runs in a transaction of its own (Spring Modulith's module listener)
 * that does no SQL while it waits for RabbitMQ's confirm: holding a connection meanwhile
 * let a burst of events take the pool from the requests. The pool and its metrics are
 * reached through the proxy (Spring Boot unwraps it).
 */
@Configuration(proxyBeanMethods = false)
class LazyConnections {

	@Bean
	static BeanPostProcessor lazyConnectionDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
						&& name.equals("dataSource")) {
					return new LazyConnectionDataSourceProxy(dataSource);
				}
				return bean;
			}

		};
	}

}
