package org.cascadesim.models.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The waiters of one pool, with removal of any waiter in O(1) (an acquire deadline or a caller
 * that gives up leaves from anywhere in the queue). Kept in two shapes depending on the policy:
 * arrival order for FIFO and fair hand-off, and Go's {@code connRequestSet} slot array for
 * random hand-off, where a removed slot is filled by the last one ({@code sql.go}, {@code
 * deleteIndex}), which is harmless because the pick is uniform.
 */
final class WaiterSet<T> {

  /** One waiter's place: a list node (ordered) or a slot index (random). */
  static final class Node<T> {
    final T value;
    Node<T> prev;
    Node<T> next;
    int slot = -1;
    boolean linked;

    Node(T value) {
      this.value = value;
    }
  }

  private final boolean ordered;
  private final List<Node<T>> slots = new ArrayList<>();
  private Node<T> head;
  private Node<T> tail;
  private int size;

  WaiterSet(boolean ordered) {
    this.ordered = ordered;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Node<T> add(T value) {
    Node<T> node = new Node<>(value);
    node.linked = true;
    if (ordered) {
      node.prev = tail;
      if (tail == null) {
        head = node;
      } else {
        tail.next = node;
      }
      tail = node;
    } else {
      node.slot = slots.size();
      slots.add(node);
    }
    size++;
    return node;
  }

  /** Removes and returns the waiter at {@code position} (0 = head when ordered; a slot otherwise). */
  T take(int position) {
    Node<T> node;
    if (ordered) {
      node = head;
      for (int i = 0; i < position; i++) {
        node = node.next;
      }
    } else {
      node = slots.get(position);
    }
    remove(node);
    return node.value;
  }

  /** Removes a waiter still in the set; returns false if it already left. */
  boolean remove(Node<T> node) {
    if (!node.linked) {
      return false;
    }
    node.linked = false;
    if (ordered) {
      if (node.prev == null) {
        head = node.next;
      } else {
        node.prev.next = node.next;
      }
      if (node.next == null) {
        tail = node.prev;
      } else {
        node.next.prev = node.prev;
      }
      node.prev = null;
      node.next = null;
    } else {
      int last = slots.size() - 1;
      Node<T> moved = slots.get(last);
      slots.set(node.slot, moved);
      moved.slot = node.slot;
      slots.remove(last);
      node.slot = -1;
    }
    size--;
    return true;
  }
}
