package com.zeromission.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.zeromission.privacy.TextMasker;

/**
 * How to read one import.
 *
 * @param fileName      shown in the import history (no path)
 * @param defaultSource the source for rows of the product's own format that have no source column
 * @param origin        "cli" or "upload"
 * @param charset       the file's encoding; UTF-8 unless the caller knows better (e.g. windows-1252 exports)
 * @param chunkSize     rows per transaction; a crash loses at most the chunk being written, and a re-run of the
 *                      same file then adds exactly the rows still missing
 */
/**
 * How to import one file. {@code startedBy}: who asked for it (a user or token name), recorded in the audit trail;
 * null when only the origin is known (the command line, the demo).
 */
public record ImportOptions(String fileName, String defaultSource, String origin, Charset charset, int chunkSize,
        String startedBy) {

    public static final int DEFAULT_CHUNK = 1_000;

    public ImportOptions {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("fileName is required");
        }
        // File names are stored, listed and logged: "complaints-anna@example.com.csv" must not carry the address.
        fileName = TextMasker.standard().mask(fileName.length() > 255 ? fileName.substring(0, 255) : fileName).text();
        if (origin == null || !(origin.equals("cli") || origin.equals("upload") || origin.equals("demo"))) {
            throw new IllegalArgumentException("origin must be cli, upload or demo, was '" + origin + "'");
        }
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("chunkSize must be 1-10000, was " + chunkSize);
        }
        startedBy = startedBy == null || startedBy.isBlank() ? null
                : startedBy.strip().substring(0, Math.min(100, startedBy.strip().length()));
    }

    public ImportOptions(String fileName, String defaultSource, String origin, Charset charset, int chunkSize) {
        this(fileName, defaultSource, origin, charset, chunkSize, null);
    }

    public ImportOptions withStartedBy(String actor) {
        return new ImportOptions(fileName, defaultSource, origin, charset, chunkSize, actor);
    }

    /** Who the audit trail names: the person or token, else where the import came from. */
    public String actor() {
        return startedBy != null ? startedBy : origin;
    }

    /** The longest upload file name accepted (the import history's column). */
    public static final int MAX_FILE_NAME = 255;

    /**
     * The name a client gave its upload, checked: a file's name, not a path. NUL, other control characters, a folder
     * separator, "." and ".." are refused (they used to reach {@code Path.of}, whose error carried the raw name into
     * the log through a 500), and so is a name longer than {@link #MAX_FILE_NAME}. Absent or blank: "upload.csv".
     *
     * @throws UnreadableImportException with reason FILE_NAME, naming what was wrong but not the name
     */
    public static String uploadName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload.csv";
        }
        String name = fileName.strip();
        if (name.length() > MAX_FILE_NAME) {
            throw badName("may be at most " + MAX_FILE_NAME + " characters, was " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw badName("must not contain control characters; found U+" + String.format(java.util.Locale.ROOT, "%04X",
                        (int) c) + " at position " + (i + 1));
            }
            if (c == '/' || c == '\\') {
                throw badName("must be a file's name without a folder; found '" + c + "' at position " + (i + 1));
            }
        }
        if (name.equals(".") || name.equals("..")) {
            throw badName("must be a file's name, was '" + name + "'");
        }
        return name;
    }

    private static UnreadableImportException badName(String what) {
        return new UnreadableImportException(UnreadableImportException.Reason.FILE_NAME, "fileName " + what);
    }

    public static ImportOptions of(String fileName, String origin) {
        return new ImportOptions(fileName, null, origin, StandardCharsets.UTF_8, DEFAULT_CHUNK);
    }

    public ImportOptions withDefaultSource(String source) {
        return new ImportOptions(fileName, source, origin, charset, chunkSize, startedBy);
    }

    public ImportOptions withCharset(Charset cs) {
        return new ImportOptions(fileName, defaultSource, origin, cs, chunkSize, startedBy);
    }

    public ImportOptions withChunkSize(int size) {
        return new ImportOptions(fileName, defaultSource, origin, charset, size, startedBy);
    }
}
