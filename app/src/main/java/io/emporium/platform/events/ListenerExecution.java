package io.emporium.platform.events;

import java.util.concurrent.Executor;

import io.emporium.platform.BoundedVirtualThreads;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Module listeners ({@code @ApplicationModuleListener} runs {@code @Async}) take turns:
 * at most {@code emporium.events.listener-threads} run at once, and a burst of events
 * waits its turn in memory, while the event publication registry keeps each one on disk.
 * A thread per event, the default with virtual threads, let a checkout burst start
 * thousands of listeners at once, each wanting a database connection (taken from the
 * requests) and a RabbitMQ channel (until the broker's channel limit refused them).
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution implements AsyncConfigurer, DisposableBean {

	private final BoundedVirtualThreads executor;

	/**
	 * Listeners in flight finish at shutdown (for at most 10 s); those still waiting stay
	 * incomplete in the registry and are resubmitted.
	 */
	ListenerExecution(EventsProperties properties) {
		this.executor = new BoundedVirtualThreads("events-", properties.listenerThreads(), 10_000);
	}

	@Override
	public Executor getAsyncExecutor() {
		return this.executor;
	}

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return new SimpleAsyncUncaughtExceptionHandler();
	}

	@Override
	public void destroy() {
		this.executor.close();
	}

}
