package org.cascadesim.cli.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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

  /** How many times a writer retries the final move after losing a race to another writer. */
  private static final int MAX_MOVE_ATTEMPTS = 1000;

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
    Path absolute = absolute(target);
    check(absolute, protectedFile);
    Path parent = absolute.getParent();
    Path temp;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
    } catch (FileSystemException e) {
      throw new IOException("cannot create a folder in " + parent + ": " + reason(e), e);
    }
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
   * Checks, before any work is done, what {@link #write} checks first: that {@code target} is ours
   * to replace and that its nearest existing ancestor is a folder this process may write in, so a
   * long run does not end by finding out that its report has nowhere to go. {@link #write} checks
   * again: the file system may change in between.
   *
   * @throws RefusedException when {@code target} is not ours to replace or cannot be created
   */
  public static void checkWritable(Path target, Path protectedFile) throws IOException {
    check(absolute(target), protectedFile);
  }

  /**
   * An I/O failure in words, for an error line: Java's file system exceptions carry only the path
   * in their message when the reason is a common one (no permission, no such file).
   */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      String files = fs.getOtherFile() == null ? fs.getFile() : fs.getFile() + " -> " + fs.getOtherFile();
      return files + ": " + reason(fs);
    }
    return reason(e);
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name exists";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** How many symbolic links in a row {@link #absolute} follows (Linux's limit is 40). */
  private static final int MAX_LINKS = 40;

  /**
   * Returns the absolute, normalised folder to write for {@code target}: a symbolic link given as
   * the target is followed to the folder it names (that folder is replaced; the link is kept).
   */
  private static Path absolute(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    for (int links = 0; absolute.getParent() != null && Files.isSymbolicLink(absolute); links++) {
      if (links == MAX_LINKS) {
        throw new RefusedException(target + ": too many levels of symbolic links");
      }
      absolute = absolute.getParent().resolve(Files.readSymbolicLink(absolute)).normalize();
    }
    if (absolute.getParent() == null || absolute.getFileName() == null) {
      throw new RefusedException(target + ": cannot write a report over the file system root");
    }
    return absolute;
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
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
          Files.delete(aside);
          try {
            move(target, aside);
            old.add(aside);
          } catch (NoSuchFileException gone) {
            // another writer moved it aside first
          }
        }
        try {
          move(temp, target);
          done = true;
          return;
        } catch (FileSystemException lost) {
          // rename(2) onto a non-empty folder fails with ENOTEMPTY (a plain FileSystemException in
          // Java): another writer moved its folder in between our two moves. That folder may
          // already be gone again (a third writer moved it aside), so whether the target exists
          // now says nothing: only a missing temporary folder or a denied access is final.
          if (attempt >= MAX_MOVE_ATTEMPTS || !mayBeLostRace(lost)) {
            throw lost;
          }
          // move the winner's folder aside (if it is still there) and retry
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
      if (!old.isEmpty() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
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
    Path existing = target.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      throw new RefusedException(existing + ": exists and is not a folder, so " + target
          + " cannot be created; choose another --out");
    }
    if (existing != null && !Files.isWritable(existing)) {
      throw new RefusedException(existing + ": no permission to create folders here; choose another --out");
    }
    if (protectedFile != null) {
      Path input = protectedFile.toAbsolutePath().normalize();
      if (Files.exists(protectedFile)) {
        input = protectedFile.toRealPath();
      }
      Path real = realPathOrSelf(target);
      if (input.startsWith(real) || input.startsWith(target)) {
        throw new RefusedException(target + ": the output folder would contain the scenario file "
            + protectedFile + "; choose another --out");
      }
    }
    // Another writer of the same folder may move it aside at any moment (see Swap.run) and delete
    // it, so "gone in between" counts as absent, and a folder found without its marker is refused
    // only if it is still the one at the target after the look (same file key: not a report being
    // moved aside and deleted under us).
    for (int look = 0; ; look++) {
      BasicFileAttributes before = attributesOrNull(target);
      if (before == null) {
        return;
      }
      if (!before.isDirectory()) {
        throw new RefusedException(target + ": exists and is not a folder; choose another --out");
      }
      if (isReportOrEmptyOrGone(target)) {
        return;
      }
      Object key = before.fileKey();
      BasicFileAttributes after = attributesOrNull(target);
      boolean replaced = key != null && (after == null || !key.equals(after.fileKey()));
      if (!replaced || look >= MAX_MOVE_ATTEMPTS) {
        throw new RefusedException(target + ": exists and is not a sim report folder (no " + MARKER
            + "); refusing to replace it; choose another --out");
      }
    }
  }

  private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  /** Lists the folder once (one open directory), so the marker and emptiness concern one folder. */
  private static boolean isReportOrEmptyOrGone(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      boolean empty = true;
      for (Path entry : entries) {
        if (entry.getFileName().toString().equals(MARKER)) {
          return true;
        }
        empty = false;
      }
      return empty;
    } catch (NoSuchFileException gone) {
      return true;
    }
  }

  private static Path realPathOrSelf(Path path) throws IOException {
    try {
      return path.toRealPath();
    } catch (NoSuchFileException absent) {
      return path;
    }
  }

  /**
   * Whether a failed move of the temporary folder onto the target can be another writer's folder
   * in the way (ENOTEMPTY, EEXIST) rather than a failure that retrying cannot cure.
   */
  private static boolean mayBeLostRace(FileSystemException e) {
    return !(e instanceof NoSuchFileException)
        && !(e instanceof AccessDeniedException);
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
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
