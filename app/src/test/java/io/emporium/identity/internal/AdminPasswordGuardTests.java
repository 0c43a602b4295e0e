package io.emporium.identity.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store that is not the demo does not start with the demo admin password. */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordGuardTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(GuardOnly.class);

	@Test
	void refusesTheDefaultPasswordWhenTheDemoIsOff() {
		this.runner.withPropertyValues("emporium.demo.enabled=false")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(DefaultAdminPasswordException.class)
				.hasMessageContaining("emporium.admin.password"));
	}

	@Test
	void startsWithAPasswordOfItsOwn() {
		this.runner.withPropertyValues("emporium.demo.enabled=false", "emporium.admin.password=a-secret-of-ours")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsWithTheDefaultPasswordForTheDemo() {
		this.runner.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsWithTheDefaultPasswordWhenExplicitlyAllowed() {
		this.runner.withPropertyValues("emporium.demo.enabled=false", "emporium.admin.allow-default-password=true")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void aRefusedStartSaysWhatToSetInOneReport(CapturedOutput output) {
		SpringApplication application = new SpringApplication(GuardOnly.class);

		assertThatThrownBy(
				() -> application.run("--spring.main.web-application-type=none", "--spring.profiles.active=test",
						"--emporium.demo.enabled=false", "--emporium.admin.allow-default-password=false"))
			.rootCause()
			.isInstanceOf(DefaultAdminPasswordException.class);

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Set emporium.admin.password")
			.doesNotContain("at io.emporium");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AdminProperties.class)
	@Import(AdminPasswordGuard.class)
	static class GuardOnly {

	}

}
