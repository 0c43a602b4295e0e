package io.emporium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps module boundaries honest and the module documentation in docs/ current. The
 * documenter lists relations and bean references in the order it happens to find them, so
 * every list is sorted before it is written: the same code gives the same files.
 */
class ModularityTests {

	private static final Path DOCS = Path.of("../docs/modules");

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(EmporiumApplication.class).verify();
	}

	@Test
	void writesModuleDocumentation() {
		document(DOCS);
	}

	@Test
	void writesTheSameDocumentationOnEveryRun(@TempDir Path first, @TempDir Path second) {
		document(first);
		document(second);

		assertThat(contents(second)).isEqualTo(contents(first));
		assertThat(contents(first)).anySatisfy(file -> assertThat(file).contains("Rel("));
	}

	private static void document(Path folder) {
		new Documenter(ApplicationModules.of(EmporiumApplication.class),
				Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(folder)) {
			files.forEach(ModularityTests::sortLists);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sorts each run of PlantUML relations and each AsciiDoc table cell's list. */
	private static void sortLists(Path file) {
		try {
			List<String> out = new ArrayList<>();
			List<String> run = new ArrayList<>();
			String kind = "";
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.startsWith("Rel(")) {
					if (!kind.equals("Rel")) {
						flush(out, run, kind);
					}
					kind = "Rel";
					run.add(line);
				}
				else if (line.startsWith("|* ")) {
					flush(out, run, kind);
					kind = "|* ";
					run.add(line.substring(3));
				}
				else if (line.startsWith("* ") && kind.equals("|* ")) {
					run.add(line.substring(2));
				}
				else {
					flush(out, run, kind);
					kind = "";
					out.add(line);
				}
			}
			flush(out, run, kind);
			Files.write(file, out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void flush(List<String> out, List<String> run, String kind) {
		run.sort(null);
		for (int i = 0; i < run.size(); i++) {
			String prefix = switch (kind) {
				case "|* " -> (i == 0) ? "|* " : "* ";
				default -> "";
			};
			out.add(prefix + run.get(i));
		}
		run.clear();
	}

	private static List<String> contents(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().map(file -> file.getFileName() + "\n" + read(file)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
