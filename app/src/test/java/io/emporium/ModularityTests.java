package io.emporium;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps module boundaries honest and the module documentation in docs/ current. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(EmporiumApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
