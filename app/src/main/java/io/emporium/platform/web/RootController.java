package io.emporium.platform.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The root URL: says what is running and where the API documentation is. */
@RestController
class RootController {

	private final StartupReport report;

	RootController(StartupReport report) {
		this.report = report;
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String index() {
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>Emporium</title></head>
				<body>
				<h1>Emporium is running</h1>
				<p>Mode: %s. The shop's web pages come later; the storefront API is live.</p>
				<ul>
				<li><a href="/swagger-ui/index.html">API documentation (Swagger UI)</a></li>
				<li><a href="/v3/api-docs">OpenAPI description</a></li>
				<li><a href="/api/v1/products">Products</a> and <a href="/api/v1/categories">categories</a></li>
				<li><a href="/actuator/health">Health</a></li>
				</ul>
				</body></html>
				""".formatted(this.report.mode());
	}

}
