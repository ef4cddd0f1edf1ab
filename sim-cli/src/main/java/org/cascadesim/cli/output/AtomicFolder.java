package org.cascadesim.cli.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes an output folder all or nothing: everything goes into a temporary sibling folder
 * ({@code .NAME.tmp-*}), which is renamed into place only once it is complete; an existing folder
 * is first renamed aside and deleted after the swap. A failure at any step deletes the temporary
 * folder and puts the old folder back, so readers see the old report or the new one, never half
 * of one. (POSIX rename(2) replaces a directory atomically only when the target is empty, so an
 * old report is moved aside first: between the two renames the folder is briefly absent.) It
 * refuses to replace a folder that is not a report (not empty and no {@code summary.json}) or
 * that contains the scenario file, so a mistyped {@code --out} never deletes other files. Two
 * writers of one folder (two runs at once) cannot mix their files: each moves in a complete
 * folder, and a writer whose move loses the race moves the winner's folder aside and tries again,
 * so the last one wins. Ctrl-C during a run deletes the temporary folder and puts the old folder
 * back through a shutdown hook.
 */
public final class AtomicFolder {
  /** The file whose presence marks a folder as a report that may be replaced. */
  public static final String MARKER = "summary.json";

  /** Writes the content of the folder into the (empty, temporary) directory it is given. */
  @FunctionalInterface
  public interface Content {
    /** Writes every file into {@code dir}. */
    void writeInto(Path dir) throws IOException;
  }

  /** A refusal to write: the target is not ours to replace. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  private AtomicFolder() {}

  /**
   * Writes {@code content} to {@code target} atomically.
   *
   * @param target the folder to create or replace
   * @param protectedFile a file that must never be inside the replaced folder (the scenario), or null
   * @throws RefusedException when {@code target} exists and is not a report folder, or holds the input
   * @throws IOException when writing or moving fails; {@code target} is then as it was
   */
  public static void write(Path target, Path protectedFile, Content content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || absolute.getFileName() == null) {
      throw new RefusedException(target + ": cannot write a report over the file system root");
    }
    check(absolute, protectedFile);
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    Path temp = Files.createTempDirectory(parent, "." + name + ".tmp-");
    Swap swap = new Swap(absolute, temp);
    Thread cleanup = new Thread(swap::undo, "sim-output-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      content.writeInto(temp);
      swap.run();
    } catch (IOException | RuntimeException | Error e) {
      swap.undoOrSuppress(e);
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs and cleans up
      }
    }
    swap.deleteOld();
  }

  /**
   * The state of one swap, so that a failure or an interruption (Ctrl-C runs the shutdown hook)
   * can put everything back: the temporary folder deleted, the old folder restored if it had been
   * moved aside and the new one not yet moved in.
   */
  private static final class Swap {
    private final Path target;
    private final Path temp;
    private final List<Path> old = new ArrayList<>();
    private volatile boolean done;

    Swap(Path target, Path temp) {
      this.target = target;
      this.temp = temp;
    }

    synchronized void run() throws IOException {
      for (int attempt = 0; ; attempt++) {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
          Files.delete(aside);
          try {
            move(target, aside);
            old.add(aside);
          } catch (java.nio.file.NoSuchFileException gone) {
            // another writer moved it aside first
          }
        }
        try {
          move(temp, target);
          done = true;
          return;
        } catch (java.nio.file.FileSystemException lost) {
          // rename(2) onto a non-empty folder fails with ENOTEMPTY, which Java reports as a plain
          // FileSystemException; any failure with a folder now in place means we lost a race.
          if (attempt >= 100 || !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw lost;
          }
          // another writer moved its folder in between our two moves: move it aside and retry
        }
      }
    }

    synchronized void undo() {
      try {
        if (!done) {
          restoreOld();
          deleteTree(temp);
        }
      } catch (IOException | RuntimeException e) {
        // best effort while failing or exiting: leftovers are named .NAME.tmp-* or .NAME.old-*
      }
    }

    void undoOrSuppress(Throwable cause) {
      try {
        if (!done) {
          restoreOld();
        }
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
      deleteQuietly(temp, cause);
    }

    /** Puts the folder that was there before back in place, if nothing took its place. */
    private synchronized void restoreOld() throws IOException {
      if (!old.isEmpty() && !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        move(old.remove(0), target);
      }
      for (Path p : old) {
        deleteTree(p);
      }
      old.clear();
    }

    synchronized void deleteOld() throws IOException {
      for (Path p : old) {
        deleteTree(p);
      }
      old.clear();
    }
  }

  private static void check(Path target, Path protectedFile) throws IOException {
    if (protectedFile != null) {
      Path input = protectedFile.toAbsolutePath().normalize();
      if (Files.exists(protectedFile)) {
        input = protectedFile.toRealPath();
      }
      Path real = Files.exists(target) ? target.toRealPath() : target;
      if (input.startsWith(real) || input.startsWith(target)) {
        throw new RefusedException(target + ": the output folder would contain the scenario file "
            + protectedFile + "; choose another --out");
      }
    }
    if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new RefusedException(target + ": exists and is not a folder; choose another --out");
    }
    if (!Files.exists(target.resolve(MARKER)) && !isEmpty(target)) {
      throw new RefusedException(target + ": exists and is not a sim report folder (no " + MARKER
          + "); refusing to replace it; choose another --out");
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteQuietly(Path dir, Throwable cause) {
    try {
      deleteTree(dir);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Deletes a folder and everything in it (symbolic links are deleted, not followed). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.forEach(all::add);
    }
    all.sort(Comparator.reverseOrder());
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
