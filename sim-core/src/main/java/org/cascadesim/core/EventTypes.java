package org.cascadesim.core;

/**
 * Names event types in a way that is stable from one JVM run to the next.
 *
 * <p>A lambda's class name carries a counter and an address ({@code Foo$$Lambda$14/0x...}) that
 * change with class-loading order, so the name is cut at {@code $$Lambda}: every lambda is named
 * by the class that declares it. A named class is named by its binary name.
 */
public final class EventTypes {

  private static final ClassValue<String> NAMES =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          String name = type.getName();
          int lambda = name.indexOf("$$Lambda");
          return lambda >= 0 ? name.substring(0, lambda) + "$$Lambda" : name;
        }
      };

  private EventTypes() {}

  /** Returns the stable type name of an action. */
  public static String of(Action action) {
    return NAMES.get(action.getClass());
  }
}
