package com.zeromission.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only permissions for the data directory: the directory 0700 and everything in it 0600 (folders 0700). The
 * directory's mode is what really keeps other local users out, including of files that H2 creates later (lock,
 * trace, temporary files) with the process's umask; the files' own modes keep them private when copied elsewhere.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** True when the file system has POSIX permissions (not on Windows: there the user profile's ACLs apply). */
    public static boolean supported(Path path) {
        return path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and parents) if needed and restricts it and everything in it to its owner. */
    public static void restrictTree(Path dir) {
        try {
            createDirectory(dir);
            if (!supported(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    restrict(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + dir.toAbsolutePath() + " to its owner", e);
        }
    }

    /** Restricts one file (0600) or folder (0700); a file that vanished meanwhile (H2's temporary files) is fine. */
    public static void restrict(Path p) throws IOException {
        if (!supported(p) || Files.isSymbolicLink(p)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
        } catch (java.nio.file.NoSuchFileException gone) {
            // deleted between listing and chmod: nothing left to protect
        }
    }

    /** Creates a directory that is owner-only from the start (no window in which others could open it). */
    public static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            restrict(dir);
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, attributes(dir, DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
            restrict(dir);
        }
    }

    /** Creates a new, empty file that is 0600 from the start; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, attributes(file, FILE));
    }

    private static FileAttribute<?>[] attributes(Path p, Set<PosixFilePermission> permissions) {
        return supported(p.toAbsolutePath().getParent() == null ? p : p.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
