package com.zeromission.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.zeromission.intake.internal.EncryptedSpool;
import com.zeromission.intake.internal.ImportRepository;

/**
 * Uploads from the import page: the file is spooled (encrypted: it holds personal data until masked), checked
 * while the browser waits (an unreadable file is refused at once and nothing is written), then imported in the
 * background while the page follows its progress. Each committed chunk is durable and counted; re-uploading the
 * same file after a failure adds nothing twice (idempotent rows). At most two uploads run at a time.
 */
@Service
public class BackgroundImports {

    private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

    /** Too many uploads at once: try again when one finished. */
    public static final class BusyException extends RuntimeException {
        BusyException(int running) {
            super(running + " uploads are already being imported; try again when one has finished");
        }
    }

    static final int CONCURRENT = 2;

    private final SignalImporter importer;
    private final ImportRepository imports;
    private final Path spoolDir;
    private final long maxUploadBytes;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, CONCURRENT, 1, TimeUnit.MINUTES,
            new SynchronousQueue<>(), Thread.ofPlatform().name("upload-import-", 0).daemon(false).factory());

    BackgroundImports(SignalImporter importer, ImportRepository imports, @Value("${zeromission.data-dir}") Path dataDir,
            @Value("${zeromission.import.max-upload-bytes:536870912}") long maxUploadBytes) {
        this.importer = importer;
        this.imports = imports;
        this.spoolDir = dataDir.resolve("spool");
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * Starts importing {@code upload}; returns its import id once the file passed the structural check.
     *
     * @throws UnreadableImportException the file cannot be imported (nothing was written)
     * @throws BusyException too many uploads are running
     */
    public UUID start(InputStream upload, ImportOptions options) throws IOException {
        EncryptedSpool spool;
        try {
            spool = EncryptedSpool.copyOf(upload, spoolDir, maxUploadBytes);
        } catch (EncryptedSpool.TooLargeException e) {
            throw new UnreadableImportException(UnreadableImportException.Reason.TOO_LARGE, e.getMessage());
        }
        var started = new CompletableFuture<UUID>();
        ImportListener listener = new ImportListener() {
            @Override
            public void started(UUID importId, ImportFormat format, long rows) {
                started.complete(importId);
            }
        };
        try {
            executor.execute(() -> {
                try (spool) {
                    importer.importCsv(spool::open, options, listener);
                } catch (RuntimeException e) {
                    // before the check passed: the caller gets the reason; after: it is recorded on the import
                    if (!started.completeExceptionally(e)) {
                        log.warn("upload import of {} failed: {}", options.fileName(), e.getClass().getSimpleName());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            spool.close();
            throw new BusyException(executor.getActiveCount());
        }
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the upload", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public Optional<ImportStatus> status(UUID id) {
        return imports.find(id).map(BackgroundImports::view);
    }

    public List<ImportStatus> recent(int limit) {
        return imports.recent(limit).stream().map(BackgroundImports::view).toList();
    }

    public List<RowError> errors(UUID id, int limit) {
        return imports.errors(id, 0, limit);
    }

    /** Row errors of an import in line order, those after {@code afterLine}: to page through all of them. */
    public List<RowError> errors(UUID id, long afterLine, int limit) {
        return imports.errors(id, afterLine, limit);
    }

    private static ImportStatus view(ImportRepository.ImportRecord r) {
        return new ImportStatus(r.id(), r.fileName(), r.format(), r.origin(), r.status(), r.rowsTotal(), r.rowsRead(),
                r.created(), r.replayed(), r.rejected(), r.startedAt(), r.finishedAt(), r.failure());
    }

    @jakarta.annotation.PreDestroy
    void finishRunningImports() throws InterruptedException {
        // graceful shutdown: a running import commits its chunks; what is acknowledged is never lost
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.MINUTES);
    }
}
