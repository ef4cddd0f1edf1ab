package org.cascadesim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package layout is the architecture: sim-cli -> sim-models -> sim-core, never backwards. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.cascadesim");

  @Test
  void engineKnowsNothingOfModelsOrCli() {
    noClasses()
        .that().resideInAPackage("org.cascadesim.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.cascadesim.models..", "org.cascadesim.cli..")
        .check(CLASSES);
  }

  @Test
  void modelsKnowNothingOfTheCli() {
    noClasses()
        .that().resideInAPackage("org.cascadesim.models..")
        .should().dependOnClassesThat().resideInAPackage("org.cascadesim.cli..")
        .check(CLASSES);
  }

  @Test
  void engineAndModelsUseNoFileChartOrCommandLineLibraries() {
    noClasses()
        .that().resideInAnyPackage("org.cascadesim.core..", "org.cascadesim.models..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "tools.jackson..", "com.fasterxml.jackson..", "picocli..", "org.jfree..", "java.awt..",
            "java.nio.file..")
        .check(CLASSES);
  }
}
