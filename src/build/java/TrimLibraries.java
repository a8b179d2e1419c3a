import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of pom.xml (run with the JDK's source launcher, no dependencies): copies of third-party jars without
 * what the product never uses, and the product jar with those copies in place of the originals (docs/footprint.md).
 *
 * <pre>
 * trim OUT_DIR PLATFORMS (--jar NAME=PATH [--drop GLOB] [--keep GLOB] [--drop-native GLOB] [--keep-native GLOB]
 *                         [--classes-used-by NAME])...
 * swap BOOT_JAR TRIMMED_DIR
 * </pre>
 *
 * <p>{@code trim} writes OUT_DIR/NAME.jar for each {@code --jar}: every entry of PATH except those matched by a
 * {@code --drop} glob and by no {@code --keep} glob. The {@code -native} variants apply only when PLATFORMS is
 * {@code linux} (the default build; {@code all} keeps every platform's native libraries). {@code --classes-used-by
 * NAME} keeps only the classes that the classes of jar NAME (an earlier {@code --jar}) reach through their constant
 * pools, directly or through other kept classes: what the JVM could ever load from this jar on that library's behalf.
 * Every glob must match at least one entry, so that a library that moves its files fails the build here instead of
 * silently shipping everything (or nothing). A copy is rewritten only when its source or its rules changed.
 *
 * <p>{@code swap} replaces each {@code BOOT-INF/lib/<source file name>} entry of the Spring Boot jar by its trimmed
 * copy, stored uncompressed as Spring Boot's launcher requires of nested jars; every other entry is copied as it was.
 */
public final class TrimLibraries {

    private TrimLibraries() {
    }

    /** One jar's rules. */
    private record Spec(String name, Path source, List<String> drop, List<String> keep, List<String> dropNative,
            List<String> keepNative, String classesUsedBy) {

        String describe(boolean natives) {
            return "source=" + source.getFileName() + "\npath=" + source + "\nnatives=" + natives + "\ndrop=" + drop
                    + "\nkeep=" + keep + "\ndrop-native=" + dropNative + "\nkeep-native=" + keepNative
                    + "\nclasses-used-by=" + classesUsedBy + "\n";
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("trim")) {
            trim(Path.of(args[1]), platforms(args[2]), List.of(args).subList(3, args.length));
        } else if (args.length == 3 && args[0].equals("swap")) {
            swap(Path.of(args[1]), Path.of(args[2]));
        } else {
            throw new IllegalArgumentException("usage: trim OUT_DIR linux|all (--jar NAME=PATH [rules])... | swap "
                    + "BOOT_JAR TRIMMED_DIR; was " + List.of(args));
        }
    }

    private static boolean platforms(String value) {
        return switch (value) {
            case "linux" -> true;
            case "all" -> false;
            default -> throw new IllegalArgumentException("platforms must be linux or all, was '" + value + "'");
        };
    }

    // ---------------------------------------------------------------------------------------------------- trim

    private static void trim(Path out, boolean linuxOnly, List<String> args) throws IOException {
        Map<String, Spec> specs = parse(args);
        Files.createDirectories(out);
        // A copy whose rules were removed from pom.xml must not be swapped into the jar any more.
        try (var files = Files.newDirectoryStream(out)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                String base = n.replaceFirst("\\.jar(\\.rules|\\.tmp)?$", "");
                if (!base.equals(n) && !specs.containsKey(base)) {
                    Files.delete(f);
                }
            }
        }
        for (Spec spec : specs.values()) {
            Path target = out.resolve(spec.name() + ".jar");
            Path rules = out.resolve(spec.name() + ".jar.rules");
            String description = spec.describe(linuxOnly)
                    + (spec.classesUsedBy() == null ? "" : "user=" + specs.get(spec.classesUsedBy()).source() + "\n");
            if (Files.exists(target) && Files.exists(rules) && Files.readString(rules).equals(description)
                    && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(spec.source())) > 0) {
                continue;
            }
            Set<String> reachable = spec.classesUsedBy() == null ? null
                    : reachableClasses(specs.get(spec.classesUsedBy()).source(), spec.source());
            Path tmp = out.resolve(spec.name() + ".jar.tmp");
            long[] counts = write(spec, linuxOnly, reachable, tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(rules, description);
            System.out.printf("trimmed %s: %,d of %,d entries kept, %,d -> %,d bytes%n", spec.source().getFileName(),
                    counts[0], counts[1], Files.size(spec.source()), Files.size(target));
        }
    }

    private static Map<String, Spec> parse(List<String> args) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        String name = null;
        Path source = null;
        Map<String, List<String>> rules = null;
        String usedBy = null;
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + args.get(i) + " has no value");
            }
            String option = args.get(i);
            String value = args.get(i + 1);
            if (option.equals("--jar")) {
                if (name != null) {
                    specs.put(name, spec(name, source, rules, usedBy));
                }
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--jar wants NAME=PATH, was '" + value + "'");
                }
                name = value.substring(0, eq);
                source = Path.of(value.substring(eq + 1));
                if (!Files.isRegularFile(source)) {
                    throw new IllegalArgumentException("--jar " + name + ": no such file " + source);
                }
                rules = new HashMap<>();
                usedBy = null;
            } else if (name == null) {
                throw new IllegalArgumentException(option + " before the first --jar");
            } else if (option.equals("--classes-used-by")) {
                if (!specs.containsKey(value)) {
                    throw new IllegalArgumentException("--classes-used-by " + value + ": no earlier --jar of that name");
                }
                usedBy = value;
            } else if (List.of("--drop", "--keep", "--drop-native", "--keep-native").contains(option)) {
                rules.computeIfAbsent(option, k -> new ArrayList<>()).add(value);
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (name != null) {
            specs.put(name, spec(name, source, rules, usedBy));
        }
        return specs;
    }

    private static Spec spec(String name, Path source, Map<String, List<String>> rules, String usedBy) {
        return new Spec(name, source, rules.getOrDefault("--drop", List.of()), rules.getOrDefault("--keep", List.of()),
                rules.getOrDefault("--drop-native", List.of()), rules.getOrDefault("--keep-native", List.of()), usedBy);
    }

    /** Writes the trimmed copy; returns {kept entries, all entries}. */
    private static long[] write(Spec spec, boolean linuxOnly, Set<String> reachable, Path target) throws IOException {
        List<String> drop = new ArrayList<>(spec.drop());
        List<String> keep = new ArrayList<>(spec.keep());
        if (linuxOnly) {
            drop.addAll(spec.dropNative());
            keep.addAll(spec.keepNative());
        }
        Map<String, PathMatcher> dropMatchers = matchers(drop);
        Map<String, PathMatcher> keepMatchers = matchers(keep);
        Set<String> used = new HashSet<>();
        try (ZipFile zip = new ZipFile(spec.source().toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            Set<String> keptFiles = new HashSet<>();
            for (ZipEntry e : entries) {
                if (!e.isDirectory() && kept(e.getName(), dropMatchers, keepMatchers, used, reachable)) {
                    keptFiles.add(e.getName());
                }
            }
            long kept = 0;
            try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(target))) {
                zos.setLevel(9);
                for (ZipEntry e : entries) {
                    boolean keepIt = e.isDirectory()
                            ? keptFiles.stream().anyMatch(f -> f.startsWith(e.getName()))
                            : keptFiles.contains(e.getName());
                    if (!keepIt) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    zos.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(zos);
                    }
                    zos.closeEntry();
                    kept++;
                }
            }
            List<String> unmatched = new ArrayList<>(dropMatchers.keySet());
            unmatched.addAll(keepMatchers.keySet());
            unmatched.removeAll(used);
            if (!unmatched.isEmpty()) {
                throw new IllegalStateException(spec.source().getFileName() + ": no entry matches " + unmatched
                        + "; the library's layout changed, update the rules in pom.xml (docs/footprint.md)");
            }
            return new long[] {kept, entries.size()};
        }
    }

    private static boolean kept(String entry, Map<String, PathMatcher> drop, Map<String, PathMatcher> keep,
            Set<String> used, Set<String> reachable) {
        Path path = Path.of(entry);
        boolean dropped = false;
        for (var m : drop.entrySet()) {
            if (m.getValue().matches(path)) {
                used.add(m.getKey());
                dropped = true;
            }
        }
        for (var m : keep.entrySet()) {
            if (m.getValue().matches(path)) {
                used.add(m.getKey());
                dropped = false;
            }
        }
        if (!dropped && reachable != null && entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
            return reachable.contains(entry.substring(0, entry.length() - ".class".length()));
        }
        return !dropped;
    }

    private static Map<String, PathMatcher> matchers(List<String> globs) {
        Map<String, PathMatcher> matchers = new LinkedHashMap<>();
        for (String glob : globs) {
            matchers.put(glob, FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        return matchers;
    }

    // ------------------------------------------------------------------------------------------ reachability

    /** Internal names of the classes of {@code library} that the classes of {@code user} reach, transitively. */
    private static Set<String> reachableClasses(Path user, Path library) throws IOException {
        try (ZipFile users = new ZipFile(user.toFile()); ZipFile lib = new ZipFile(library.toFile())) {
            Set<String> classes = new HashSet<>();
            lib.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .forEach(n -> classes.add(n.substring(0, n.length() - ".class".length())));
            Set<String> reached = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            users.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> {
                for (String c : referencedNames(read(users, e))) {
                    if (classes.contains(c) && reached.add(c)) {
                        queue.add(c);
                    }
                }
            });
            while (!queue.isEmpty()) {
                String c = queue.poll();
                for (String d : referencedNames(read(lib, lib.getEntry(c + ".class")))) {
                    if (classes.contains(d) && reached.add(d)) {
                        queue.add(d);
                    }
                }
            }
            return reached;
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^A-Za-z0-9_$/]+");

    /**
     * Every class name a class file can refer to: the UTF-8 constants hold the names of the classes it uses
     * (CONSTANT_Class), its field and method descriptors and generic signatures ({@code Lpkg/Name;}). A superset is
     * harmless (a few classes more are kept), a subset would not be, so every token that could be a name is returned.
     */
    private static Set<String> referencedNames(byte[] classFile) {
        Set<String> names = new HashSet<>();
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(classFile));
        try {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        for (String token : NAME_SEPARATORS.split(in.readUTF())) {
                            if (!token.isEmpty()) {
                                names.add(token);
                                if (token.startsWith("L")) {
                                    names.add(token.substring(1));
                                }
                            }
                        }
                    }
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // long and double take two slots
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------------------- swap

    private static void swap(Path bootJar, Path trimmed) throws IOException {
        Map<String, Path> replacements = new TreeMap<>();
        try (var rules = Files.newDirectoryStream(trimmed, "*.jar.rules")) {
            for (Path r : rules) {
                String source = Files.readAllLines(r).getFirst();
                if (!source.startsWith("source=")) {
                    throw new IllegalStateException(r + " does not start with source=");
                }
                String name = r.getFileName().toString();
                replacements.put("BOOT-INF/lib/" + source.substring("source=".length()),
                        trimmed.resolve(name.substring(0, name.length() - ".rules".length())));
            }
        }
        Path tmp = bootJar.resolveSibling(bootJar.getFileName() + ".tmp");
        Set<String> replaced = new HashSet<>();
        try (ZipFile zip = new ZipFile(bootJar.toFile());
                ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e : zip.stream().toList()) {
                Path replacement = replacements.get(e.getName());
                ZipEntry copy = new ZipEntry(e);
                byte[] data;
                if (replacement != null) {
                    data = Files.readAllBytes(replacement);
                    copy.setMethod(ZipEntry.STORED);
                    replaced.add(e.getName());
                } else {
                    data = read(zip, e);
                }
                if (copy.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                } else {
                    copy.setCompressedSize(-1);
                }
                zos.putNextEntry(copy);
                zos.write(data);
                zos.closeEntry();
            }
        }
        if (!replaced.equals(replacements.keySet())) {
            Files.delete(tmp);
            Set<String> missing = new HashSet<>(replacements.keySet());
            missing.removeAll(replaced);
            throw new IllegalStateException(bootJar + " has no " + missing + " to replace");
        }
        long before = Files.size(bootJar);
        Files.move(tmp, bootJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s: %d trimmed libraries in place, %,d -> %,d bytes%n", bootJar.getFileName(),
                replaced.size(), before, Files.size(bootJar));
    }
}
