package com.zeromission.demo;

import java.io.IOException;
import java.io.Writer;

import com.zeromission.demo.internal.CsvExports;
import com.zeromission.intake.RawSignal;

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
        return write(generator, format, out, null);
    }

    /**
     * As {@link #write(DemoDataGenerator, Format, Writer)}, with every row's {@code source} replaced (own format
     * only): the same rows under another source are new signals to intake, not replays of the demo's own.
     */
    public static long write(DemoDataGenerator generator, Format format, Writer out, String source) throws IOException {
        if (source != null && format != Format.OWN) {
            throw new IllegalArgumentException("a source can only be set for the own format, not for " + format);
        }
        return switch (format) {
            case OWN -> CsvExports.writeOwn(source == null ? generator.signals()
                    : generator.signals().map(s -> new DemoSignal(withSource(s.raw(), source), s.problem(), s.pii())), out);
            case CFPB -> CsvExports.writeCfpb(generator.signals(), generator.settings().seed(), out);
            case PURCHASES -> CsvExports.writePurchases(generator.purchases(), out);
        };
    }

    private static RawSignal withSource(RawSignal r, String source) {
        return new RawSignal(source, r.sourceId(), r.channel(), r.market(), r.product(),
                r.journeyStage(), r.receivedAt(), r.language(), r.text(), r.orderReference(), r.evidence(), r.customerId());
    }
}
