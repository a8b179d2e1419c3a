package com.zeromission.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.zeromission.demo.DemoDataGenerator;
import com.zeromission.demo.DemoExport;
import com.zeromission.demo.DemoSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The seeded demo data set (the same one `serve --demo` loads).",
        subcommands = {DemoCommand.Generate.class})
final class DemoCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write the demo data as CSV, without starting the application.",
                    "own: the product's signal format (import with `zm import FILE`); cfpb: the US complaints as a CFPB "
                            + "consumer complaint export; purchases: daily purchases per market and product.",
                    "The same seed, period and scale always give a byte-identical file."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "2:an invalid option (e.g. a day in the future) or the file could not be written"})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the CSV ('-' for standard output).")
        String out;

        @Option(names = "--format", defaultValue = "OWN", description = "OWN, CFPB or PURCHASES (default: ${DEFAULT-VALUE}).")
        DemoExport.Format format;

        @Option(names = "--seed", defaultValue = "" + DemoSettings.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--from", description = "First day, YYYY-MM-DD (default: 2024-01-01).")
        LocalDate from;

        @Option(names = "--to", description = "Last day, YYYY-MM-DD, not after today (default: yesterday, UTC).")
        LocalDate to;

        @Option(names = "--source", paramLabel = "NAME",
                description = "Write every row under this source (own format only), so that importing the file adds new "
                        + "signals instead of replaying the demo's own (which are already stored in demo mode).")
        String source;

        @Option(names = "--scale", defaultValue = "1.0",
                description = "Volume multiplier; 1 is about 140,000 signals over three years (default: ${DEFAULT-VALUE}).")
        double scale;

        @Override
        public Integer call() {
            Clock clock = Clock.systemUTC();
            DemoSettings defaults = DemoSettings.defaults(clock);
            LocalDate today = LocalDate.now(clock);
            if (to != null && to.isAfter(today)) {
                // the product refuses signals and purchases from the future: a file of them could not be imported
                System.err.println("Invalid option: --to " + to + " is in the future (today is " + today
                        + ", UTC); demo data describes days that have passed, up to yesterday by default.");
                return 2;
            }
            DemoSettings settings;
            try {
                settings = new DemoSettings(seed, from != null ? from : defaults.from(), to != null ? to : defaults.to(), scale);
            } catch (IllegalArgumentException e) {
                System.err.println("Invalid option: " + e.getMessage());
                return 2;
            }
            long started = System.nanoTime();
            long rows;
            boolean stdout = out.equals("-");
            try (Writer writer = stdout
                    ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                rows = DemoExport.write(new DemoDataGenerator(settings), format, writer, source);
            } catch (IllegalArgumentException e) {
                System.err.println("Invalid option: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println("Could not write " + out + ": " + e.getMessage());
                return 2;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // with '-' the data owns standard output: the summary goes to standard error
            (stdout ? System.err : System.out).printf(Locale.ROOT,
                    "Wrote %,d rows (%s, seed %d, %s to %s, scale %s) to %s in %.1f s (%,.0f rows/s)%n", rows,
                    format.name().toLowerCase(Locale.ROOT), seed, settings.from(), settings.to(), scale, out, seconds,
                    rows / Math.max(seconds, 1e-9));
            return 0;
        }
    }
}
