package io.emporium.platform.events;

import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Writes a module's event record as a RabbitMQ message: JSON body, and its type (the
 * class name below {@code io.emporium}, e.g. {@code catalog.PriceChanged}) as the message
 * type and in the {@code event-type} header. Reads back only records of a module's
 * top-level package, never an arbitrary class named on the wire.
 */
final class EventCodec {

	static final String TYPE_HEADER = "event-type";

	private static final String ROOT = "io.emporium.";

	private final JsonMapper json;

	EventCodec(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** A record in a module's top-level package, other than platform's own. */
	static boolean isModuleEvent(Object event) {
		return isModuleEvent(event.getClass());
	}

	static String typeOf(Object event) {
		return event.getClass().getName().substring(ROOT.length());
	}

	Message encode(Object event) {
		if (!isModuleEvent(event)) {
			throw new IllegalArgumentException("not a module's event record: " + event.getClass().getName());
		}
		String type = typeOf(event);
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding("UTF-8");
		properties.setType(type);
		properties.setHeader(TYPE_HEADER, type);
		properties.setMessageId(UUID.randomUUID().toString());
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		return new Message(this.json.writeValueAsBytes(event), properties);
	}

	Object decode(Message message) {
		Object type = message.getMessageProperties().getHeader(TYPE_HEADER);
		Class<?> eventType;
		try {
			eventType = Class.forName(ROOT + type, false, EventCodec.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new AmqpRejectAndDontRequeueException("unknown event type " + type, ex);
		}
		if (!isModuleEvent(eventType)) {
			throw new AmqpRejectAndDontRequeueException("not a module's event record: " + type);
		}
		return this.json.readValue(message.getBody(), eventType);
	}

	private static boolean isModuleEvent(Class<?> type) {
		String pkg = type.getPackageName();
		return type.isRecord() && type.getEnclosingClass() == null && pkg.startsWith(ROOT)
				&& pkg.indexOf('.', ROOT.length()) < 0 && !pkg.equals(ROOT + "platform");
	}

}
