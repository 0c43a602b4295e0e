package io.emporium.platform.migrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleMigrationsTests {

	@Test
	void findsEveryModuleFolderWithPlatformFirst() {
		assertThat(ModuleMigrations.modules()).startsWith("platform")
			.contains("catalog", "inventory", "cart", "checkout", "orders", "payments", "identity")
			.doesNotHaveDuplicates();
	}

}
