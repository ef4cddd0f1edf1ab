package org.cascadesim.cli.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.SloSpec;
import org.cascadesim.models.scenario.TimelineSpec;
import org.cascadesim.models.scenario.ScenarioValidator;
import org.cascadesim.models.scenario.ValidationIssue;
import org.cascadesim.models.scenario.VariantSpec;

/**
 * Reads a scenario file into a {@link ResolvedScenario}: parses it into a located tree, resolves
 * every variant (overlay merged onto the base), applies {@code --set} overrides, binds and
 * validates the base and each variant, and throws one {@link ScenarioException} listing every
 * problem with its file, line and column.
 */
public final class ScenarioReader {
  private static final Pattern VARIANT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final List<String> VARIANT_KEYS =
      List.of(
          "description", "seed", "duration", "warmup", "limits", "clients", "services",
          "dependencies");

  private final TreeParser parser = new TreeParser();
  private final TreeMerger merger = new TreeMerger();
  private final Overrides overrides = new Overrides();
  private final ScenarioValidator validator = new ScenarioValidator();

  /** Creates a reader; it keeps no state between calls. */
  public ScenarioReader() {}

  /** Reads and validates {@code file} without overrides. */
  public ResolvedScenario read(Path file) {
    return read(file, List.of());
  }

  /**
   * Reads and validates {@code file}, applying {@code --set} overrides to the base and to every
   * variant.
   *
   * @throws ScenarioException listing every problem, when the file is missing or invalid
   */
  public ResolvedScenario read(Path file, List<String> setOverrides) {
    String source = file.toString();
    TreeParser.Format format = TreeParser.Format.ofFileName(source);
    if (!Files.exists(file)) {
      throw fail(source, "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw fail(source, "not a regular file");
    }
    if (format == null) {
      throw fail(source, "unknown file type; scenario files end in .yaml, .yml or .json");
    }
    String text;
    try {
      long size = Files.size(file);
      if (size > TreeParser.MAX_FILE_BYTES) {
        throw fail(source, "the file is " + size + " bytes; scenario files are limited to "
            + TreeParser.MAX_FILE_BYTES + " bytes (1 MiB)");
      }
      byte[] bytes = Files.readAllBytes(file);
      for (byte b : bytes) {
        if (b == 0) {
          throw fail(source, "this is a binary file (it contains NUL bytes), not a YAML or JSON scenario");
        }
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw fail(source, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw fail(source, "cannot read the file: " + e.getMessage());
    }
    return parse(source, text, format, setOverrides);
  }

  /**
   * Parses and validates scenario text; {@code source} names it in problems.
   *
   * @throws ScenarioException listing every problem
   */
  public ResolvedScenario parse(
      String source, String text, TreeParser.Format format, List<String> setOverrides) {
    Problems problems = new Problems();
    List<Problem> syntax = new ArrayList<>();
    Node root = parser.parse(source, text, format, syntax);
    problems.addAll(syntax);
    Node.MapNode base;
    Node.MapNode baseTree;
    Node variantsNode = null;
    Node.Entry sloEntry = null;
    Node.Entry timelineEntry = null;
    if (root instanceof Node.MapNode map) {
      Map<String, Node.Entry> entries = new LinkedHashMap<>(map.entries());
      Node.Entry variants = entries.remove("variants");
      variantsNode = variants == null ? null : variants.value();
      // --set applies to the whole file but variants (slo and timeline included), then the
      // scenario proper is split from its slo and timeline, which variants do not change.
      List<Problem> setProblems = new ArrayList<>();
      Map<String, Node.Entry> resolved = new LinkedHashMap<>(
          overrides.apply(new Node.MapNode(map.location(), entries), setOverrides, setProblems).entries());
      problems.addAll(setProblems);
      sloEntry = resolved.remove("slo");
      timelineEntry = resolved.remove("timeline");
      baseTree = new Node.MapNode(map.location(), resolved);
      entries.remove("slo");
      entries.remove("timeline");
      base = new Node.MapNode(map.location(), entries);
    } else {
      problems.add(
          Problem.at(
              root.location(), "",
              "expected a scenario map with name, duration, clients, services, ..., got "
                  + root.describe()));
      throw new ScenarioException(problems.list());
    }
    ScenarioSpec baseSpec = bindAndValidate(baseTree, root.location(), problems, null);

    Map<String, VariantSpec> variants = new LinkedHashMap<>();
    if (variantsNode instanceof Node.MapNode vmap) {
      for (Map.Entry<String, Node.Entry> e : vmap.entries().entrySet()) {
        VariantSpec v = variant(base, e.getKey(), e.getValue(), setOverrides, problems);
        if (v != null) {
          variants.put(e.getKey(), v);
        }
      }
    } else if (variantsNode != null) {
      problems.add(
          Problem.at(
              variantsNode.location(), "variants",
              "expected a map from variant name to its changes, got " + variantsNode.describe()));
    }
    List<Problem> sloProblems = new ArrayList<>();
    List<SloSpec> slos = SloBinder.bind(sloEntry == null ? null : sloEntry.value(), baseSpec, sloProblems);
    problems.addAll(sloProblems);
    List<Problem> timelineProblems = new ArrayList<>();
    TimelineSpec timeline = TimelineBinder.bind(timelineEntry == null ? null : timelineEntry.value(), timelineProblems);
    problems.addAll(timelineProblems);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.list());
    }
    return new ResolvedScenario(baseSpec, variants, slos, timeline);
  }

  private VariantSpec variant(
      Node.MapNode base, String name, Node.Entry entry, List<String> setOverrides,
      Problems problems) {
    String path = "variants." + name;
    boolean ok = true;
    if (!VARIANT_NAME.matcher(name).matches() || name.equals("base")) {
      problems.add(
          Problem.at(
              entry.keyLocation(), path,
              name.equals("base")
                  ? "'base' is reserved for the scenario without a variant; pick another name"
                  : "'" + name + "' is not a valid variant name; use letters, digits, '-' and '_'"));
      ok = false;
    }
    if (!(entry.value() instanceof Node.MapNode overlay)) {
      problems.add(
          Problem.at(
              entry.value().location(), path,
              "expected a map of changes to the base scenario, got " + entry.value().describe()));
      return null;
    }
    String description = "";
    Map<String, Node.Entry> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Node.Entry> e : overlay.entries().entrySet()) {
      String key = e.getKey();
      if (key.equals("description")) {
        Node d = e.getValue().value();
        if (d instanceof Node.ScalarNode s && s.kind() == Node.Kind.STRING) {
          description = s.text();
        } else {
          problems.add(
              Problem.at(d.location(), path + ".description", "expected text, got " + d.describe()));
          ok = false;
        }
      } else if (VARIANT_KEYS.contains(key)) {
        changes.put(key, e.getValue());
      } else {
        problems.add(
            Problem.at(
                e.getValue().keyLocation(), path + "." + key,
                SpecBinder.unknownKey(key, VARIANT_KEYS)
                    + (key.equals("name") || key.equals("variants")
                        ? " (a variant cannot change '" + key + "')"
                        : "")));
        ok = false;
      }
    }
    List<Problem> mergeProblems = new ArrayList<>();
    Node.MapNode merged =
        merger.merge(base, new Node.MapNode(overlay.location(), changes), path, mergeProblems);
    problems.addAll(mergeProblems);
    List<Problem> ignored = new ArrayList<>();
    merged = overrides.apply(merged, setOverrides, ignored);
    ScenarioSpec spec = bindAndValidate(merged, entry.keyLocation(), problems, name);
    return ok && mergeProblems.isEmpty() ? new VariantSpec(name, description, spec) : null;
  }

  private ScenarioSpec bindAndValidate(
      Node.MapNode tree, Location rootLocation, Problems problems, String variant) {
    SpecBinder binder = new SpecBinder(rootLocation);
    ScenarioSpec spec = binder.bind(tree);
    for (Problem p : binder.problems()) {
      problems.addFromVariant(p, variant);
    }
    for (ValidationIssue issue : validator.validate(spec)) {
      if (!binder.isConsequence(issue.path())) {
        problems.addFromVariant(
            Problem.at(binder.locate(issue.path()), issue.path(), issue.message()), variant);
      }
    }
    return spec;
  }

  private static ScenarioException fail(String source, String message) {
    return new ScenarioException(List.of(new Problem(source, 0, 0, "", message)));
  }

  /**
   * The problems of one file, without repeats: a base problem that every variant inherits is
   * reported once, and a problem only a variant has says which variant.
   */
  private static final class Problems {
    private final Set<Problem> seen = new LinkedHashSet<>();
    private final List<Problem> list = new ArrayList<>();

    void add(Problem p) {
      if (seen.add(p)) {
        list.add(p);
      }
    }

    void addAll(List<Problem> ps) {
      ps.forEach(this::add);
    }

    void addFromVariant(Problem p, String variant) {
      if (variant == null) {
        add(p);
      } else if (!seen.contains(p)) {
        seen.add(p);
        Problem tagged =
            new Problem(p.file(), p.line(), p.col(), p.path(), p.message() + " (in variant '" + variant + "')");
        if (seen.add(tagged)) {
          list.add(tagged);
        }
      }
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    List<Problem> list() {
      return list;
    }
  }
}
