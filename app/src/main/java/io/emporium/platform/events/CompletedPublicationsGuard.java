package io.emporium.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * Keeps a completed event publication completed. Spring Modulith 2.0.3's JDBC registry
 * moves a publication to processing, failed or resubmitted by its id alone, so a second
 * run of a publication another run completed meanwhile (a slow listener taken for dead,
 * then resubmitted) made it incomplete again, to be run once more (spring-modulith#1936).
 * These three steps leave completed rows alone here; all else is Modulith's.
 */
final class CompletedPublicationsGuard implements BeanPostProcessor {

	private final ObjectProvider<JdbcClient> jdbc;

	CompletedPublicationsGuard(ObjectProvider<JdbcClient> jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof EventPublicationRepository)) {
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.addInterface(EventPublicationRepository.class);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			Object[] arguments = invocation.getArguments();
			return switch (invocation.getMethod().getName()) {
				case "markProcessing" -> {
					moveIncomplete((UUID) arguments[0], "PROCESSING");
					yield null;
				}
				case "markFailed" -> {
					moveIncomplete((UUID) arguments[0], "FAILED");
					yield null;
				}
				case "markResubmitted" -> claimIncomplete((UUID) arguments[0], (Instant) arguments[1]);
				default -> invocation.proceed();
			};
		});
		return proxy.getProxy();
	}

	private void moveIncomplete(UUID id, String status) {
		this.jdbc.getObject()
			.sql("""
					update event_publication set status = :status
					where id = :id and status <> :status and completion_date is null""")
			.param("status", status)
			.param("id", id)
			.update();
	}

	private boolean claimIncomplete(UUID id, Instant at) {
		return this.jdbc.getObject()
			.sql("""
					update event_publication
					set status = 'RESUBMITTED', completion_attempts = completion_attempts + 1,
						last_resubmission_date = :at
					where id = :id and status <> 'RESUBMITTED' and completion_date is null""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

}
