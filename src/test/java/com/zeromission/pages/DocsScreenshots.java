package com.zeromission.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the screenshots in docs/screenshots from a running product with the demo data (bin/screenshots starts one,
 * or photographs one already running): signs in as the demo analyst and photographs each page of {@link #SHOTS} at
 * a phone's and a desktop's width ({@link #WIDTHS}), the whole height of the page, as {@code NAME-390.png} and
 * {@code NAME-1440.png}. A page that answers 404 (not built yet on this branch) is skipped with a message; any other
 * failure stops the run. Not a test: the pictures are for people.
 */
public final class DocsScreenshots {

    static final List<Integer> WIDTHS = List.of(390, 1440);
    /** Chromium draws at most about 16,000 px in one picture; a longer page is cut there. */
    static final int MAX_HEIGHT = 16_000;

    /**
     * One picture: its name, and the page as a path, or (for "the first problem" and the like) a function that finds
     * the path on the page before it ({@code from}, opened first).
     */
    record Shot(String name, String path, String from, Function<WebDriver, String> find, boolean notYetBuilt) {
        static Shot page(String name, String path) {
            return new Shot(name, path, null, null, false);
        }

        /**
         * A page another branch builds: until it is merged, its path answers 404, or 400 where a page with an id
         * reads it as a malformed id ({@code /insights/new} as {@code /insights/{id}}); then it is skipped.
         */
        static Shot coming(String name, String path) {
            return new Shot(name, path, null, null, true);
        }

        /** The first link on {@code from} to a path like {@code pathPattern} (a regular expression). */
        static Shot first(String name, String from, String pathPattern) {
            return new Shot(name, null, from, b -> b.findElements(By.cssSelector("main a[href]")).stream()
                    .map(a -> URI.create(a.getDomProperty("href")).getRawPath()).filter(p -> p.matches(pathPattern))
                    .findFirst().orElse(null), false);
        }
    }

    /** The pages in docs: the issue asks for the dashboard, a problem, the insight form, the board and call-backs. */
    static final List<Shot> SHOTS = List.of(
            Shot.page("dashboard", "/"),
            Shot.page("problems", "/problems"),
            Shot.first("problem", "/problems", "/problems/[0-9]+"),
            // the form as "Write an insight" on the first problem's page opens it: prefilled from that problem
            new Shot("insight-form", null, "/problems", b -> b.findElements(By.cssSelector("main a[href]")).stream()
                    .map(a -> URI.create(a.getDomProperty("href")).getRawPath()).filter(p -> p.matches("/problems/[0-9]+"))
                    .findFirst().map(p -> "/insights/new?problem=" + p.substring("/problems/".length())).orElse(null), false),
            Shot.page("insight-board", "/insights"),
            Shot.first("insight", "/insights", "/insights/[0-9]+"),
            Shot.page("callbacks", "/callbacks"),
            Shot.page("teams", "/teams"),
            Shot.page("yearly-report", "/reports/yearly"),
            Shot.page("imports", "/imports"));

    private DocsScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path out = Path.of(args.length > 1 ? args[1] : "docs/screenshots");
        Files.createDirectories(out);
        var b = (ChromeDriver) Browser.get();
        var wait = new WebDriverWait(b, Duration.ofSeconds(60));
        for (int width : WIDTHS) {
            b.get(base + "/login");
            shoot(b, out, "login", width);
        }
        b.findElement(By.id("username")).sendKeys("analyst");
        b.findElement(By.id("password")).sendKeys("demo");
        b.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cpm-chart")));
        int skipped = 0;
        for (Shot shot : SHOTS) {
            String path = shot.path();
            if (path == null) {
                b.get(base + shot.from());
                path = shot.find().apply(b);
                if (path == null) {
                    System.out.println("skipped " + shot.name() + ": " + shot.from() + " links to none (no data?)");
                    skipped++;
                    continue;
                }
            }
            int status = status(b, base + path);
            if (status == 404 || shot.notYetBuilt() && status == 400) {
                System.out.println("skipped " + shot.name() + ": " + path + " answers " + status + " (the page is not "
                        + "built on this branch yet); run again once it is merged");
                skipped++;
                continue;
            }
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + " to the demo analyst");
            }
            for (int width : WIDTHS) {
                size(b, width, 900);
                b.get(base + path);
                if (path.equals("/")) {
                    wait.until(d -> "true".equals(d.findElement(By.id("cpm-chart")).getDomAttribute("data-rendered")));
                }
                shoot(b, out, shot.name(), width);
            }
        }
        b.get(base + "/feedback?lang=sv");
        for (int width : WIDTHS) {
            shoot(b, out, "feedback", width);
        }
        System.out.println(skipped == 0 ? "every page photographed" : skipped + " page(s) skipped, see above");
        b.quit();
        System.exit(0);
    }

    /** The page's status for the signed-in browser (Selenium does not tell): its session cookie on a plain request. */
    private static int status(WebDriver b, String url) throws Exception {
        var cookie = b.manage().getCookieNamed("ZMSESSION");
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET();
        if (cookie != null) {
            request.header("Cookie", "ZMSESSION=" + cookie.getValue());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The viewport as a device of this width shows it (a phone below 600 px: its layout and touch). */
    private static void size(ChromeDriver b, int width, int height) {
        b.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** The whole page at {@code width}: the viewport is made as tall as the page before the picture is taken. */
    private static void shoot(ChromeDriver b, Path out, String name, int width) throws Exception {
        size(b, width, 900);
        long height = ((Number) ((JavascriptExecutor) b).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        size(b, width, (int) Math.min(Math.max(height, 600), MAX_HEIGHT));
        Path file = out.resolve(name + "-" + width + ".png");
        Files.write(file, ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + file + " (" + width + " x " + height + " px" + (height > MAX_HEIGHT ? ", cut at "
                + MAX_HEIGHT : "") + ")");
    }
}
