package com.zeromission.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.zeromission.insights.Evidence;
import com.zeromission.insights.ImpactModel;
import com.zeromission.insights.InsightContent;
import com.zeromission.insights.InsightId;
import com.zeromission.insights.InsightState;
import com.zeromission.insights.Team;

/** A team member signs in, opens "My team", finds their team's delegated insight there and moves it along. */
class MyTeamBrowserTest extends PageTest {

    private long delegated(String title, String team, String person) {
        long id = insights.create(new InsightContent(title, List.of(seeded.invoiceProblem()),
                List.of(new Evidence.ReplayLink(URI.create("https://replay.example.com/s/" + title.hashCode()))), List.of(),
                "Customers who pay by invoice get a reminder fee because the paper invoice arrives late.",
                "Send the invoice by e-mail as well and waive the first reminder fee automatically.",
                new ImpactModel(null, 1.2, new BigDecimal("6.50"), BigDecimal.ZERO, 0, BigDecimal.ZERO, 0.6, null, null), 2.0,
                team, person, List.of(team), List.of(), 1.0, 0.5), "analyst").id().value();
        insights.delegate(InsightId.of(id), "analyst");
        return id;
    }

    @Test
    void aTeamMemberSeesMyTeamWithTheirTeamsInsightAndMovesIt() {
        insights.saveTeam(new Team("ledger", "payments", List.of("member", "lars")));
        insights.saveTeam(new Team("mailroom", "operations", List.of("olle")));
        String ourTitle = "Ledger: e-mail the invoice " + System.nanoTime() % 100_000,
                theirTitle = "Mailroom: print on time " + System.nanoTime() % 100_000;
        long ours = delegated(ourTitle, "ledger", "lars"), theirs = delegated(theirTitle, "mailroom", "olle");

        signIn("member");
        browser().findElement(By.linkText("My team")).click();
        assertThat(text(By.id("my-teams"))).contains("ledger").contains("lars, member").doesNotContain("mailroom");
        WebElement row = waitFor(By.cssSelector("#my-insights tr[data-insight='" + ours + "']"));
        assertThat(row.getText()).contains(ourTitle).contains("ledger").contains("lars").contains("delegated");
        assertThat(browser().findElements(By.cssSelector("#my-insights tr[data-insight='" + theirs + "']"))).isEmpty();
        assertThat(text(By.id("my-insights"))).doesNotContain(theirTitle);

        row.findElement(By.cssSelector("button[value=in-progress]")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "Moved to in progress."));
        assertThat(insights.get(InsightId.of(ours)).state()).isEqualTo(InsightState.IN_PROGRESS);
        assertThat(insights.get(InsightId.of(ours)).history().getLast().actor()).isEqualTo("member");

        open("/my-team");
        WebElement moved = waitFor(By.cssSelector("#my-insights tr[data-insight='" + ours + "']"));
        assertThat(moved.getText()).contains("in progress");
        assertThat(moved.findElements(By.cssSelector("button[name=to]"))).extracting(WebElement::getText)
                .containsExactly("Mark resolved");
        assertThat(insights.get(InsightId.of(theirs)).state()).isEqualTo(InsightState.DELEGATED);
    }

    @Test
    void aViewerHasNoMyTeamLinkAndIsRefusedThePage() {
        signIn("viewer");
        assertThat(text(By.cssSelector("header.top nav"))).doesNotContain("My team");
        open("/my-team");
        assertThat(text(By.tagName("h1"))).isEqualTo("Not allowed");
    }
}
