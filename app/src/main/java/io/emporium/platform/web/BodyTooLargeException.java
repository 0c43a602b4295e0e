package io.emporium.platform.web;

import java.io.IOException;

/**
 * A request body grew past the limit while being read. An {@link IOException}, so that
 * every reader of the body (JSON, text, bytes) fails the way it fails on a broken stream;
 * the advice finds it among the causes and answers 413.
 */
final class BodyTooLargeException extends IOException {

	static final String TYPE = "body-too-large";

	static final String TITLE = "Body too large";

	private final long limit;

	BodyTooLargeException(long limit) {
		super(detail(limit));
		this.limit = limit;
	}

	long limit() {
		return this.limit;
	}

	static String detail(long limit) {
		return "The request body exceeds " + limit + " bytes.";
	}

}
