package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "quickstart|quickstart",
    "checkout /pay|checkout_pay",
    "../../etc/passwd|_etc_passwd",
    "a..b|a_b",
    ".hidden|_hidden",
    "..|_",
    "My Scenario: v2 (draft)|My_Scenario_v2_draft_",
    "naïve café|na_ve_caf_",
    "more-threads_2.x|more-threads_2.x",
  })
  void keepsOnlySafeCharactersAndNoDotDot(String name, String expected) {
    String safe = FileNames.sanitize(name);
    assertThat(safe).isEqualTo(expected).matches("[A-Za-z0-9._-]+").doesNotContain("..").doesNotStartWith(".");
  }

  @Test
  void emptyAndOverlongNamesStillGiveAUsableName() {
    assertThat(FileNames.sanitize("")).isEqualTo("_");
    assertThat(FileNames.sanitize("x".repeat(500))).hasSize(100);
  }

  @Test
  void namesThatSanitizeAlikeGetDistinctFilesWithTheExtensionKept() {
    FileNames names = new FileNames();
    assertThat(names.unique("client-a/b.base.hgrm")).isEqualTo("client-a_b.base.hgrm");
    assertThat(names.unique("client-a_b.base.hgrm")).isEqualTo("client-a_b.base-2.hgrm");
    assertThat(names.unique("CLIENT-A_B.base.hgrm")).isEqualTo("CLIENT-A_B.base-3.hgrm");
  }
}
