package com.zeromission.intake.internal.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.zeromission.intake.FieldViolation;
import com.zeromission.intake.ImportListener;
import com.zeromission.intake.ImportOptions;
import com.zeromission.intake.ImportReport;
import com.zeromission.intake.InvalidSignalException;
import com.zeromission.intake.RowError;
import com.zeromission.intake.SignalImporter;
import com.zeromission.intake.UnreadableImportException;
import com.zeromission.intake.internal.EncryptedSpool;
import com.zeromission.intake.internal.ImportRepository;
import com.zeromission.intake.internal.ImportRepository.ImportRecord;

import jakarta.servlet.http.HttpServletRequest;

/**
 * CSV upload. The body is the file itself ({@code Content-Type: text/csv}); the answer comes when every valid row
 * is committed, with the counts and the first row errors. Re-uploading the same file adds nothing twice.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportController {

    private final SignalImporter importer;
    private final ImportRepository imports;
    private final Path spoolDir;
    private final long maxUploadBytes;

    ImportController(SignalImporter importer, ImportRepository imports,
            @Value("${zeromission.data-dir}") Path dataDir,
            @Value("${zeromission.import.max-upload-bytes:536870912}") long maxUploadBytes) {
        this.importer = importer;
        this.imports = imports;
        this.spoolDir = dataDir.resolve("spool");
        this.maxUploadBytes = maxUploadBytes;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ImportReport> upload(HttpServletRequest request,
            @RequestParam(defaultValue = "upload.csv") String fileName,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String charset) throws IOException {
        Charset cs = charset(charset, request.getCharacterEncoding());
        String name = ImportOptions.uploadName(fileName); // before a byte of the body is read
        if (request.getContentLengthLong() > maxUploadBytes) {
            throw new UnreadableImportException(UnreadableImportException.Reason.TOO_LARGE, "upload is "
                    + request.getContentLengthLong() + " bytes; at most " + maxUploadBytes + " bytes are accepted");
        }
        try (EncryptedSpool spool = EncryptedSpool.copyOf(request.getInputStream(), spoolDir, maxUploadBytes)) {
            var options = ImportOptions.of(name, "upload")
                    .withStartedBy(request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName())
                    .withDefaultSource(source).withCharset(cs);
            ImportReport report = importer.importCsv(spool::open, options, ImportListener.NONE);
            List<RowError> first = report.errors().size() > 100 ? report.errors().subList(0, 100) : report.errors();
            var shown = new ImportReport(report.importId(), report.fileName(), report.format(), report.rows(),
                    report.created(), report.replayed(), report.rejected(), first, report.duration());
            return ResponseEntity.created(URI.create("/api/v1/imports/" + report.importId())).body(shown);
        } catch (EncryptedSpool.TooLargeException e) {
            throw new UnreadableImportException(UnreadableImportException.Reason.TOO_LARGE, e.getMessage());
        }
    }

    @GetMapping
    List<ImportRecord> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidSignalException(List.of(new FieldViolation("limit", String.valueOf(limit), "must be between 1 and 200")));
        }
        return imports.recent(limit);
    }

    @GetMapping("/{id}")
    ImportRecord get(@PathVariable String id) {
        UUID importId = parse(id);
        return imports.find(importId).orElseThrow(() -> new ImportNotFoundException(importId));
    }

    /** The full row-error report, paged by line number: {@code ?afterLine=} the last line of the previous page. */
    @GetMapping("/{id}/errors")
    List<RowError> errors(@PathVariable String id, @RequestParam(defaultValue = "0") long afterLine,
            @RequestParam(defaultValue = "1000") int limit) {
        UUID importId = parse(id);
        imports.find(importId).orElseThrow(() -> new ImportNotFoundException(importId));
        if (limit < 1 || limit > 10_000) {
            throw new InvalidSignalException(List.of(new FieldViolation("limit", String.valueOf(limit), "must be between 1 and 10000")));
        }
        return imports.errors(importId, afterLine, limit);
    }

    @ExceptionHandler(UnreadableImportException.class)
    ProblemDetail unreadable(UnreadableImportException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case ENCODING, HEADER, STRUCTURE, EMPTY, FILE_NAME -> HttpStatus.BAD_REQUEST;
        };
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("https://zeromission.dev/problems/unreadable-import"));
        problem.setTitle("File cannot be imported");
        problem.setProperty("reason", e.reason().name().toLowerCase());
        return problem;
    }

    @ExceptionHandler(ImportNotFoundException.class)
    ProblemDetail notFound(ImportNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(IntakeProblems.NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deleteLeftoverSpools() throws IOException {
        EncryptedSpool.deleteLeftovers(spoolDir);
    }

    private static Charset charset(String param, String header) {
        String name = param != null ? param : header;
        if (name == null) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidSignalException(List.of(new FieldViolation("charset", name, "is not a known character encoding")));
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignalException(List.of(new FieldViolation("id", id, "is not an import id (a UUID)")));
        }
    }

    static final class ImportNotFoundException extends RuntimeException {
        ImportNotFoundException(UUID id) {
            super("no import with id " + id);
        }
    }
}
