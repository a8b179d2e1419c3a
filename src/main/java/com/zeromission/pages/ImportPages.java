package com.zeromission.pages;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.zeromission.intake.BackgroundImports;
import com.zeromission.intake.ImportOptions;
import com.zeromission.intake.ImportStatus;
import com.zeromission.intake.UnreadableImportException;
import com.zeromission.privacy.TextMasker;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The import page. The browser sends the file as the request body (the same encrypted spool as the API, so no
 * plain copy lands in a temporary directory), with its upload progress shown by imports.js; once the file passed
 * the structural check the page follows the import's committed chunks until it is done, polling with htmx.
 */
@Controller
class ImportPages {

    static final int RECENT = 20, ERRORS_SHOWN = 20;

    private final BackgroundImports imports;
    private final long maxUploadBytes;

    ImportPages(BackgroundImports imports, @Value("${zeromission.import.max-upload-bytes:536870912}") long maxUploadBytes) {
        this.imports = imports;
        this.maxUploadBytes = maxUploadBytes;
    }

    @GetMapping("/imports")
    String list(Model model) {
        model.addAttribute("imports", imports.recent(RECENT));
        model.addAttribute("maxMegabytes", maxUploadBytes / (1024 * 1024));
        return "pages/imports";
    }

    /** The upload: answers 201 with where to follow it, or a problem detail the page shows. */
    @PostMapping(value = "/imports", consumes = {"text/csv", "application/octet-stream"})
    @ResponseBody
    ResponseEntity<Map<String, String>> upload(HttpServletRequest request, @RequestParam(defaultValue = "upload.csv") String fileName,
            @RequestParam(required = false) String source) throws IOException {
        String name = ImportOptions.uploadName(fileName); // before a byte of the body is read
        if (request.getContentLengthLong() > maxUploadBytes) {
            throw new UnreadableImportException(UnreadableImportException.Reason.TOO_LARGE, "the file is "
                    + request.getContentLengthLong() + " bytes; at most " + maxUploadBytes + " bytes are accepted");
        }
        var options = ImportOptions.of(name, "upload").withDefaultSource(source == null || source.isBlank() ? null : source)
                .withStartedBy(request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName())
                .withCharset(StandardCharsets.UTF_8);
        UUID id = imports.start(request.getInputStream(), options);
        String location = request.getContextPath() + "/imports/" + id;
        return ResponseEntity.created(URI.create(location)).body(Map.of("id", id.toString(), "location", location));
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("run", find(id));
        model.addAttribute("errors", imports.errors(id, ERRORS_SHOWN));
        return "pages/import";
    }

    /** The part of the page htmx replaces every second while the import runs. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        ImportStatus run = find(id);
        model.addAttribute("run", run);
        model.addAttribute("errors", run.finished() ? imports.errors(id, ERRORS_SHOWN) : java.util.List.of());
        return "pages/import :: progress";
    }

    private ImportStatus find(UUID id) {
        return imports.status(id).orElseThrow(() -> new IllegalArgumentException("no import with id " + id));
    }

    @ExceptionHandler(UnreadableImportException.class)
    @ResponseBody
    ResponseEntity<ProblemDetail> unreadable(UnreadableImportException e) {
        HttpStatus status = e.reason() == UnreadableImportException.Reason.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(status, TextMasker.standard().mask(e.getMessage()).text());
        problem.setTitle("File cannot be imported");
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(BackgroundImports.BusyException.class)
    @ResponseBody
    ResponseEntity<ProblemDetail> busy(BackgroundImports.BusyException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
    }
}
