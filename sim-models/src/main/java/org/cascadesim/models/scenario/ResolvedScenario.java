package org.cascadesim.models.scenario;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A scenario file after reading: the base spec and every variant resolved, all valid, so
 * {@code run}, {@code compare} and {@code sweep} pick specs by name.
 *
 * @param base the base scenario
 * @param variants resolved variants by name, in file order
 * @param slos the scenario's SLO assertions, checked against every variant
 * @param timeline the lines of the cascade timeline ({@code timeline:}), the same for every variant
 */
public record ResolvedScenario(ScenarioSpec base, Map<String, VariantSpec> variants, List<SloSpec> slos,
    TimelineSpec timeline) {
  /** Copies the variants so the record is immutable. */
  public ResolvedScenario {
    Objects.requireNonNull(base, "base");
    variants = Specs.copy(variants, "variants");
    slos = List.copyOf(slos);
    Objects.requireNonNull(timeline, "timeline");
  }

  /** A scenario with the default timeline lines. */
  public ResolvedScenario(ScenarioSpec base, Map<String, VariantSpec> variants, List<SloSpec> slos) {
    this(base, variants, slos, TimelineSpec.DEFAULTS);
  }

  /** A scenario without SLO assertions. */
  public ResolvedScenario(ScenarioSpec base, Map<String, VariantSpec> variants) {
    this(base, variants, List.of());
  }

  /** Returns the named variant's spec, or the base for {@code null} or {@code "base"}. */
  public ScenarioSpec spec(String variant) {
    if (variant == null || variant.equals("base")) {
      return base;
    }
    VariantSpec found = variants.get(variant);
    if (found == null) {
      throw new NoSuchElementException(
          "no variant named '" + variant + "'; variants: " + String.join(", ", variants.keySet()));
    }
    return found.spec();
  }
}
