package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

class DashboardBrowserTest extends PageTest {

    @Test
    void aViewerSignsInAndSeesTheCpmChartAgainstTheTargetWithTopProblemsAndWaitingInsights() {
        signIn("viewer");
        assertThat(browser().getCurrentUrl()).isEqualTo(url("/"));
        // the chart script ran and drew every week of 2026 up to last week (W01..W48 plus the week of Jan 1)
        var canvas = waitFor(By.id("cpm-chart"));
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> "true".equals(canvas.getDomAttribute("data-rendered")));
        assertThat(Integer.parseInt(canvas.getDomAttribute("data-points"))).isGreaterThanOrEqualTo(48);
        Object datasets = ((JavascriptExecutor) browser()).executeScript(
                "return Chart.getChart('cpm-chart').data.datasets.map(d => d.label)");
        assertThat(datasets.toString()).contains("CPM", "95 % interval (upper)", "Target", "Last year");
        assertThat(text(By.cssSelector(".kpis"))).contains("25.0").contains("target 2026");
        assertThat(text(By.id("top-problems"))).contains("2026-W48");
        assertThat(browser().findElements(By.cssSelector("#top-problems tbody tr"))).isNotEmpty();
        assertThat(text(By.id("waiting"))).contains("Send invoices digitally by default").doesNotContain("Refunds take weeks");
        // a viewer has no import page in the navigation
        assertThat(text(By.cssSelector("header.top nav"))).doesNotContain("Imports");
        Browser.screenshot("dashboard");
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndStrictAndIsReplacedAtSignIn() {
        open("/login");
        var before = browser().manage().getCookieNamed("ZMSESSION");
        assertThat(before).as("the sign-in page's session (it holds the CSRF token)").isNotNull();
        signIn("viewer");
        var after = browser().manage().getCookieNamed("ZMSESSION");
        assertThat(after.isHttpOnly()).isTrue();
        assertThat(after.isSecure()).isTrue();
        assertThat(after.getSameSite()).isEqualTo("Strict");
        // a session id known before sign-in must not become a signed-in session (session fixation)
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        // signing out ends the session: the dashboard asks for a sign-in again
        browser().findElement(By.cssSelector("header.top .who button")).click();
        waitFor(By.id("username"));
        open("/");
        assertThat(browser().getCurrentUrl()).startsWith(url("/login"));
    }

    @Test
    void filtersTheChartByMarket() {
        signIn("analyst");
        new Select(waitFor(By.id("market"))).selectByValue("SE");
        browser().findElement(By.cssSelector(".filters button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("market=SE"));
        assertThat(new Select(waitFor(By.id("market"))).getFirstSelectedOption().getText()).isEqualTo("Sweden");
        // SE has no target of its own: it is held to the global one, and the page says so (as the yearly report does)
        assertThat(text(By.cssSelector(".kpis"))).contains("global target 25.0 CPM");
    }

    @Test
    void refusesAnUnknownMarketWithAPageThatNamesTheValue() {
        signIn("viewer");
        open("/?market=XX");
        assertThat(text(By.cssSelector("main"))).contains("unknown market 'XX'");
    }

    @Test
    void sendsSomebodyWhoIsNotSignedInToTheSignInPageAndRefusesAWrongPassword() {
        open("/problems");
        assertThat(browser().getCurrentUrl()).startsWith(url("/login"));
        browser().findElement(By.id("username")).sendKeys("viewer");
        browser().findElement(By.id("password")).sendKeys("wrong");
        browser().findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text(By.cssSelector("[role=alert]"))).contains("Wrong user name or password");
        Browser.screenshot("login");
    }
}
