package org.cascadesim.models.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Copy helpers that keep insertion order, so records stay immutable and iterate deterministically. */
final class Specs {
  private Specs() {}

  static <V> Map<String, V> copy(Map<String, V> map, String what) {
    Objects.requireNonNull(map, what);
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, what + " key"), Objects.requireNonNull(v, what + " value")));
    return Collections.unmodifiableMap(copy);
  }

  static <V> List<V> copy(List<V> list, String what) {
    return List.copyOf(Objects.requireNonNull(list, what));
  }
}
