package com.zeromission.intake;

/** Follows an import as it runs (progress bars, status pages). Called on the importing thread. */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {
    };

    /** The file passed the structural check; {@code rows} data rows will be processed. */
    default void started(java.util.UUID importId, ImportFormat format, long rows) {
    }

    /** A chunk was committed: {@code rowsDone} rows are now processed and durable. */
    default void committed(long rowsDone, long created, long replayed, long rejected) {
    }
}
