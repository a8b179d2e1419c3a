package com.zeromission.intake;

/** The CSV layouts the importer understands, recognised from the header row. */
public enum ImportFormat {
    /** The product's own format, documented in docs/csv-format.md. */
    ZEROMISSION,
    /** The public US CFPB consumer complaint database export. */
    CFPB
}
