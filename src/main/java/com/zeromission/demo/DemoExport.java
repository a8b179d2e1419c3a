package com.zeromission.demo;

import java.io.IOException;
import java.io.Writer;

import com.zeromission.demo.internal.CsvExports;

/** Writes demo data as CSV files that the product (and issue 3's purchase import) can read back. */
public final class DemoExport {

    public enum Format {
        /** The product's own signal format (docs/csv-format.md): every signal of every market. */
        OWN,
        /** The public US CFPB complaint export: the US complaints only, as the real export has them. */
        CFPB,
        /** Daily purchase counts: {@code day,market,product,purchases}. */
        PURCHASES
    }

    private DemoExport() {
    }

    /**
     * Writes the generator's data in the format and returns the number of data rows (the header not counted).
     * The writer is flushed, not closed. Output is byte-identical for identical settings.
     */
    public static long write(DemoDataGenerator generator, Format format, Writer out) throws IOException {
        return switch (format) {
            case OWN -> CsvExports.writeOwn(generator.signals(), out);
            case CFPB -> CsvExports.writeCfpb(generator.signals(), generator.settings().seed(), out);
            case PURCHASES -> CsvExports.writePurchases(generator.purchases(), out);
        };
    }
}
