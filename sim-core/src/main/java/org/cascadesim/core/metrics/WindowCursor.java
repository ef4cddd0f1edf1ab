package org.cascadesim.core.metrics;

/**
 * Maps simulated times to window numbers ({@code timeNanos / windowNanos}) with the bounds of the
 * last window found cached: metrics change many times per window, so almost every lookup is two
 * comparisons instead of a 64-bit division on the hot path.
 */
final class WindowCursor {
  private final long windowNanos;
  private int window;
  private long startNanos;
  private long endNanos = Long.MIN_VALUE;

  WindowCursor(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** Returns the window of {@code timeNanos}, as {@link Windows#index(long, long)} does. */
  int indexOf(long timeNanos) {
    if (timeNanos >= startNanos && timeNanos < endNanos) {
      return window;
    }
    int w = Windows.index(timeNanos, windowNanos);
    window = w;
    startNanos = w * windowNanos;
    endNanos = startNanos + windowNanos;
    return w;
  }

  /** Returns the end (exclusive) of the window last returned by {@link #indexOf(long)}. */
  long endNanos() {
    return endNanos;
  }
}
