package io.emporium.platform;

import java.net.URI;

/**
 * The stable `type` URIs of Emporium's problem responses; a released name never changes.
 */
public final class ProblemTypes {

	public static final String BASE = "https://emporium.dev/problems/";

	private ProblemTypes() {
	}

	public static URI uri(String name) {
		return URI.create(BASE + name);
	}

}
