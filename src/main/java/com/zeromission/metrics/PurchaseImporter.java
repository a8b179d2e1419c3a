package com.zeromission.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import com.zeromission.intake.DayOutOfRangeException;
import com.zeromission.intake.DayRange;
import com.zeromission.markets.InvalidProductException;
import com.zeromission.markets.Market;
import com.zeromission.markets.Product;
import com.zeromission.markets.UnknownMarketException;

/**
 * Imports daily purchase counts from CSV ({@code day,market,product,purchases}, the format
 * {@code bin/zm demo generate --format purchases} writes). The whole file is read and checked before anything is
 * written: a file that cannot be read (encoding, structure, header) writes nothing; rows with bad values are
 * reported by line, column and reason and skipped; the valid rows are upserted, so importing a file again changes
 * nothing.
 */
@Service
public class PurchaseImporter {

    public static final List<String> COLUMNS = List.of("day", "market", "product", "purchases");
    /** Ten years of a hundred markets and twenty products: more is not a purchase file. */
    public static final int MAX_ROWS = 10 * 366 * 100 * 20;
    public static final int MAX_ERRORS_IN_REPORT = 1_000;

    public record RowError(long line, String column, String reason) {
    }

    public record Report(long rows, int created, int updated, long rejected, List<RowError> errors) {
    }

    /** The file as a whole cannot be imported; nothing was written. */
    public static class UnreadablePurchaseFileException extends RuntimeException {
        public UnreadablePurchaseFileException(String message) {
            super(message);
        }
    }

    private final Purchases purchases;
    private final java.time.Clock clock;

    public PurchaseImporter(Purchases purchases, java.time.Clock clock) {
        this.purchases = purchases;
        this.clock = clock;
    }

    public Report importCsv(InputStream content, Charset charset, String source) {
        return importCsv(content, charset, source, error -> { });
    }

    /**
     * As {@link #importCsv(InputStream, Charset, String)}, and every row error also goes to {@code everyError} as the
     * file is read, in line order: the report keeps only the first {@value #MAX_ERRORS_IN_REPORT} (the command line
     * writes all of them to its error file). A file that turns out unreadable has had some errors passed on already.
     */
    public Report importCsv(InputStream content, Charset charset, String source,
            java.util.function.Consumer<RowError> everyError) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        var valid = new ArrayList<PurchaseCount>();
        var errors = new ArrayList<RowError>();
        var days = DayRange.upToToday(clock);
        long rows = 0, rejected = 0, line = 1;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).ofCsvRecord(new BufferedReader(new InputStreamReader(content, decoder)))) {
            var it = csv.iterator();
            if (!it.hasNext()) {
                throw new UnreadablePurchaseFileException("file is empty: expected the header " + String.join(",", COLUMNS));
            }
            Map<String, Integer> index = header(it.next().getFields());
            while (it.hasNext()) {
                CsvRecord r = it.next();
                line = r.getStartingLineNumber();
                if (++rows > MAX_ROWS) {
                    throw new UnreadablePurchaseFileException("file has more than " + MAX_ROWS + " rows");
                }
                int before = errors.size();
                LocalDate day = null;
                String dayText = field(r, index, "day");
                try {
                    day = days.require("day", LocalDate.parse(dayText));
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(line, "day", "'" + shorten(dayText) + "' is not a date (YYYY-MM-DD)"));
                } catch (DayOutOfRangeException e) {
                    errors.add(new RowError(line, "day", e.getMessage()));
                }
                long count = -1;
                String countText = field(r, index, "purchases");
                try {
                    count = Long.parseLong(countText);
                    if (count < 0) {
                        errors.add(new RowError(line, "purchases", "'" + count + "' is negative"));
                    }
                } catch (NumberFormatException e) {
                    errors.add(new RowError(line, "purchases", "'" + shorten(countText) + "' is not a whole number"));
                }
                // market and product each on their own, in the shared vocabulary, so a row can name both mistakes
                Market market = null;
                Product product = null;
                try {
                    market = Market.of(field(r, index, "market"));
                } catch (UnknownMarketException e) {
                    errors.add(new RowError(line, "market", shortenMessage(e.getMessage())));
                }
                try {
                    product = Product.of(field(r, index, "product"));
                } catch (InvalidProductException e) {
                    errors.add(new RowError(line, "product", shortenMessage(e.getMessage())));
                }
                if (errors.size() == before) {
                    valid.add(new PurchaseCount(day, market.code(), product.code(), count));
                }
                if (errors.size() > before) {
                    rejected++;
                    errors.subList(before, errors.size()).forEach(everyError);
                    if (errors.size() > MAX_ERRORS_IN_REPORT) {
                        // kept for the report: the first ones; memory stays bounded however many rows are wrong
                        errors.subList(MAX_ERRORS_IN_REPORT, errors.size()).clear();
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), line, charset);
        } catch (CsvParseException e) {
            if (e.getCause() instanceof IOException io) {
                throw unreadable(io, line, charset);
            }
            throw new UnreadablePurchaseFileException("broken CSV structure after line " + line + " (an unclosed quote?)");
        } catch (IOException e) {
            throw unreadable(e, line, charset);
        }
        int created = 0, updated = 0;
        for (int from = 0; from < valid.size(); from += Purchases.MAX_BATCH) {
            var stored = purchases.upsert(valid.subList(from, Math.min(valid.size(), from + Purchases.MAX_BATCH)), source);
            created += stored.created();
            updated += stored.updated();
        }
        return new Report(rows, created, updated, rejected,
                List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS_IN_REPORT))));
    }

    private static Map<String, Integer> header(List<String> fields) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
            if (index.putIfAbsent(name, i) != null) {
                throw new UnreadablePurchaseFileException("column '" + name + "' appears twice in the header");
            }
        }
        var missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadablePurchaseFileException("header is missing column(s) " + missing + "; expected "
                    + String.join(",", COLUMNS));
        }
        return index;
    }

    private static String field(CsvRecord r, Map<String, Integer> index, String column) {
        int i = index.get(column);
        return i < r.getFieldCount() ? r.getField(i).strip() : "";
    }

    /** A refusal echoes the value: a cell of any length must not make a report row of that length. */
    private static String shortenMessage(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static UnreadablePurchaseFileException unreadable(Throwable cause, long line, Charset charset) {
        if (cause instanceof CharacterCodingException) {
            return new UnreadablePurchaseFileException("file is not valid " + charset.name() + " (near line " + line
                    + "); save it as UTF-8 or name its encoding");
        }
        return new UnreadablePurchaseFileException("file could not be read after line " + line + ": " + cause.getMessage());
    }
}
