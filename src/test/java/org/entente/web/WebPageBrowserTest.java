package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.ApplicationTest;
import org.entente.relation.commands.OpenRelation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The web page in a real headless Chromium, against the whole application: every value the page shows is
 * compared with what the API answers. Screenshots go to target/screenshots/.
 */
class WebPageBrowserTest extends ApplicationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (Browser.missing() != null && !Browser.onCi()) {
            // Each test is then reported skipped with this reason (see openThePage).
            System.err.println("WARNING: " + Browser.skipMessage());
            return;
        }
        browser = Browser.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openThePage() {
        Assumptions.assumeTrue(browser != null, Browser::skipMessage);
        browser.driver.manage().window().setSize(new Dimension(1280, 2000));
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
        // an element re-rendered between finding it and reading it (the page redraws a panel): look again
        wait.ignoring(StaleElementReferenceException.class);
        browser.driver.manage().logs().get(LogType.BROWSER); // start each test with an empty console
        browser.driver.get("http://localhost:" + port + "/");
        wait.until(d -> d.findElements(By.cssSelector("#timeline-svg .fact")).size() == facts().size()
                && d.findElements(By.cssSelector("#status-list .dimension")).size() == dimensionCount()
                && d.findElement(By.id("replay-counter")).getText().endsWith("of " + facts().size()));
    }

    // --- timeline -----------------------------------------------------------------------------------

    @Test
    void theTimelineHasALanePerDimensionAndAMarkerPerFact() {
        JsonNode timeline = get("/api/relations/israel-nato/timeline").get("dimensions");
        List<String> lanes = attributes("#timeline-svg .lane", "data-dimension");
        List<String> dimensions = new ArrayList<>();
        timeline.fieldNames().forEachRemaining(dimensions::add);
        assertThat(lanes).isEqualTo(dimensions);

        List<String> markers = attributes("#timeline-svg .fact", "data-fact-id");
        assertThat(markers).containsExactlyInAnyOrderElementsOf(facts().stream().map(f -> f.at("/payload/factId").asText()).toList());

        // The veto's interval and its uncertain year are drawn as the API gives them.
        JsonNode uncertain = null;
        for (JsonNode segment : timeline.get("exerciseParticipation")) {
            if (!segment.at("/answer/certain").asBoolean()) {
                uncertain = segment;
                break;
            }
        }
        WebElement lane = find("#timeline-svg .lane[data-dimension='exerciseParticipation']");
        assertThat(lane.findElements(By.cssSelector(".segment[data-value='VETOED']"))).hasSize(1);
        WebElement hatched = lane.findElement(By.cssSelector(".segment.uncertain[data-from='" + uncertain.get("from").asText() + "']"));
        assertThat(hatched.findElement(By.tagName("rect")).getAttribute("fill")).startsWith("url(#");

        // The text equivalent has a row per segment of every dimension, and a row per fact.
        int segments = 0;
        for (JsonNode list : timeline) {
            segments += list.size();
        }
        assertThat(browser.driver.findElements(By.cssSelector("#timeline-table tbody tr"))).hasSize(segments);
        assertThat(browser.driver.findElements(By.cssSelector("#facts-table tbody tr"))).hasSize(facts().size());

        // Everything the page loaded came from the application itself, and nothing went wrong on the console.
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allMatch(url -> url.startsWith("http://localhost:" + port + "/"));
        assertThat(severeConsoleMessages()).isEmpty();
        assertThat(find("body").getText()).doesNotContain("undefined").doesNotContain("[object").doesNotContain("NaN");
        screenshot("timeline", find("#timeline-view"));
    }

    @Test
    void hoveringAFactMarkerShowsItsDatePrecisionAndQuote() {
        JsonNode veto = fact("turkey-veto-2010");
        WebElement marker = find("#timeline-svg .fact[data-fact-id='turkey-veto-2010']");
        new Actions(browser.driver).moveToElement(marker).perform();
        WebElement tip = find("#fact-tip");
        wait.until(d -> tip.isDisplayed());
        assertThat(tip.getText())
                .contains(veto.get("validDate").asText() + " · year precision")
                .contains("VetoCast")
                .contains(veto.at("/sources/0/quote").asText());
        assertThat(marker.getAttribute("aria-label")).contains("dated 2010 (year precision)");
        screenshot("timeline-tooltip", find("#timeline-view"));
    }

    @Test
    void theMarkersAreReachableByKeyboardAndEnterShowsThatDay() {
        JsonNode earliest = facts().stream().min(Comparator.comparing((JsonNode f) -> start(f.get("validDate").asText()))).orElseThrow();
        find("#zoom-select").sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getAttribute("data-fact-id")).isEqualTo(earliest.at("/payload/factId").asText());
        WebElement tip = find("#fact-tip");
        wait.until(d -> tip.isDisplayed());
        assertThat(tip.getText()).contains(earliest.get("validDate").asText()).contains(earliest.at("/sources/0/quote").asText());
        assertThat(focused.getAttribute("aria-describedby")).isEqualTo("fact-tip");

        // Enter: the status on the last day of the fact's window (1953-03 → 1953-03-31).
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        String end = end(earliest.get("validDate").asText());
        wait.until(d -> find("#status-caption").getText().endsWith(end));
        assertThat(find("#date-input").getAttribute("value")).isEqualTo(end);
    }

    // --- the date control ------------------------------------------------------------------------------

    @Test
    void onThe2011DefaultExerciseParticipationIsVetoedWithItsReason() {
        assertThat(find("#date-input").getAttribute("value")).isEqualTo("2011-01-01");
        JsonNode status = get("/api/relations/israel-nato/status?at=2011-01-01").get("dimensions");
        status.fields().forEachRemaining(d -> assertThat(value(d.getKey())).as(d.getKey()).isEqualTo(text(d.getValue())));
        WebElement exercises = find("#status-list [data-dimension='exerciseParticipation']");
        assertThat(value("exerciseParticipation")).isEqualTo("VETOED");
        assertThat(exercises.getText())
                .contains("since 2010 (year)")
                .contains("vetoed by Turkey")
                .contains("turkey-veto-2010")
                .contains(status.at("/exerciseParticipation/facts/0/sources/0/quote").asText());
        screenshot("status-2011-01-01", find("#date-view"));
    }

    @Test
    void typingADateShowsTheStatusThenAndMovesTheSlider() {
        typeDate("2010-06-01");
        wait.until(d -> find("#status-caption").getText().endsWith("2010-06-01"));
        WebElement exercises = find("#status-list [data-dimension='exerciseParticipation']");
        assertThat(exercises.findElement(By.cssSelector(".value")).getAttribute("class")).contains("uncertain");
        assertThat(exercises.getText()).contains("uncertain: ACTIVE or VETOED").contains("between 2010-01-01 and 2010-12-31");
        assertThat(find("#date-slider").getAttribute("aria-valuetext")).isEqualTo("2010-06-01");
        String sliderAt2010 = find("#date-slider").getAttribute("value");

        typeDate("2017-01-01");
        wait.until(d -> find("#status-caption").getText().endsWith("2017-01-01"));
        assertThat(value("exerciseParticipation")).isEqualTo(text(get("/api/relations/israel-nato/status?at=2017-01-01")
                .at("/dimensions/exerciseParticipation")));
        assertThat(Integer.parseInt(find("#date-slider").getAttribute("value")))
                .isEqualTo(Integer.parseInt(sliderAt2010) + (int) java.time.temporal.ChronoUnit.DAYS.between(
                        java.time.LocalDate.parse("2010-06-01"), java.time.LocalDate.parse("2017-01-01")));
    }

    @Test
    void theSliderMovesTheDateFieldAndTheStatus() {
        WebElement slider = find("#date-slider");
        slider.sendKeys(Keys.PAGE_DOWN);
        wait.until(d -> find("#status-caption").getText().endsWith("2010-01-01"));
        assertThat(find("#date-input").getAttribute("value")).isEqualTo("2010-01-01");
        assertThat(slider.getAttribute("aria-valuetext")).isEqualTo("2010-01-01");
        slider.sendKeys(Keys.ARROW_LEFT);
        wait.until(d -> find("#status-caption").getText().endsWith("2009-12-31"));
        assertThat(value("exerciseParticipation")).isEqualTo("ACTIVE");

        find("#next-fact").click();
        wait.until(d -> !find("#status-caption").getText().endsWith("2009-12-31"));
        String day = find("#date-input").getAttribute("value");
        assertThat(find("#status-caption").getText()).endsWith(day);
        assertThat(value("exerciseParticipation")).isEqualTo(text(get("/api/relations/israel-nato/status?at=" + day)
                .at("/dimensions/exerciseParticipation")));
    }

    @Test
    void anImpossibleDateShowsTheProblemDetailNamingTheParameter() {
        typeDate("2010-02-30");
        WebElement error = find("#date-error");
        wait.until(d -> error.isDisplayed());
        assertThat(error.getText()).contains("is not a possible date").contains("(parameter at)");
        assertThat(find("#date-input").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#status-caption").getText()).endsWith("2011-01-01");
    }

    // --- step-through replay ----------------------------------------------------------------------------

    @Test
    void steppingThroughTheEventsWithTheKeyboard() {
        List<JsonNode> facts = facts();
        WebElement controls = find("#replay-controls");
        assertThat(find("#replay-counter").getText()).isEqualTo("Step 0 of " + facts.size());
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus()", controls);
        controls.sendKeys(Keys.ARROW_RIGHT);
        waitForStep(1);
        assertThat(find("#replay-fact-id").getText()).isEqualTo(facts.get(0).at("/payload/factId").asText());

        controls.sendKeys(Keys.END);
        waitForStep(facts.size());
        assertThat(find("#replay-fact-id").getText()).isEqualTo(facts.get(facts.size() - 1).at("/payload/factId").asText());
        controls.sendKeys(Keys.HOME);
        waitForStep(0);

        int veto = 0;
        while (!facts.get(veto).at("/payload/factId").asText().equals("turkey-veto-2010")) {
            veto++;
        }
        for (int i = 0; i <= veto; i++) {
            controls.sendKeys(Keys.ARROW_RIGHT);
        }
        waitForStep(veto + 1);
        wait.until(d -> find("#replay-fact-id").getText().equals("turkey-veto-2010"));
        assertThat(find("#replay-changed").getText()).isEqualTo("Changed: Exercise participation.");
        assertThat(find("#replay-applied").getText())
                .contains("dated 2010 (year precision)")
                .contains(facts.get(veto).at("/sources/0/quote").asText())
                .doesNotContain("null").doesNotContain("undefined").doesNotContain("[object");
        assertThat(find("#replay-status [data-dimension='exerciseParticipation'] .value").getText()).isEqualTo("VETOED");
        assertThat(find("#replay-status [data-dimension='exerciseParticipation']").getAttribute("class")).contains("changed");
        assertThat(find("#replay-svg .lane.changed").getAttribute("data-dimension")).isEqualTo("exerciseParticipation");
        assertThat(browser.driver.findElements(By.cssSelector("#replay-svg .fact"))).hasSize(veto + 1);
        assertThat(find("#events-table tr.applied-row").getAttribute("data-global-sequence"))
                .isEqualTo(facts.get(veto).get("globalSequence").asText());

        find("#replay-prev").click();
        waitForStep(veto);
        assertThat(find("#replay-status [data-dimension='exerciseParticipation'] .value").getText()).isEqualTo("ACTIVE");
        find("#replay-next").click();
        waitForStep(veto + 1);
        wait.until(d -> find("#replay-fact-id").getText().equals("turkey-veto-2010"));
        screenshot("step-through", find("#replay-view"));
        assertThat(find("#replay-view a[href$='05-replay.md']").getAttribute("href")).endsWith("/docs/lessons/05-replay.md");
    }

    @Test
    void aCorrectionIsAStepOfTheReplayToo() {
        String relation = "web-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
        commands.sendAndWait(new OpenRelation(relation, "A relation of the browser test", List.of("Israel", "NATO")));
        String source = "[{\"url\": \"https://example.org/source\", \"quote\": \"a quote\"}]";
        assertThat(write("/api/relations/" + relation + "/facts", "{\"id\": \"established\", \"type\": \"MediterraneanDialogueEstablished\","
                + " \"date\": \"1994\", \"sources\": " + source + ", \"reason\": \"test\"}")).isEqualTo(HttpStatus.CREATED);
        assertThat(write("/api/relations/" + relation + "/facts", "{\"id\": \"joined\", \"type\": \"MediterraneanDialogueJoined\","
                + " \"date\": \"1995\", \"sources\": " + source + ", \"reason\": \"test\"}")).isEqualTo(HttpStatus.CREATED);
        assertThat(write("/api/relations/" + relation + "/facts/joined/corrections", "{\"date\": \"1996\", \"sources\": " + source
                + ", \"reason\": \"a better source dates it to 1996\"}")).isEqualTo(HttpStatus.CREATED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "1996".equals(
                get("/api/relations/" + relation + "/status?at=1997-01-01").at("/dimensions/mediterraneanDialogue/facts/0/date").asText()));

        browser.driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#relation-select option[value='" + relation + "']")).size() == 1);
        new Select(find("#relation-select")).selectByValue(relation);
        wait.until(d -> find("#replay-counter").getText().equals("Step 0 of 3")
                && d.findElements(By.cssSelector("#events-table tbody tr")).size() == 4);
        WebElement controls = find("#replay-controls");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus()", controls);
        controls.sendKeys(Keys.END);
        wait.until(d -> find("#replay-counter").getText().equals("Step 3 of 3") && !d.findElements(By.id("replay-correction")).isEmpty());
        assertThat(find("#replay-applied").getText()).contains("Correction of MediterraneanDialogueJoined").contains("joined");
        assertThat(find("#replay-correction").getText()).isEqualTo("New date: 1996. Reason: a better source dates it to 1996");
        assertThat(find("#replay-changed").getText()).isEqualTo("Changed: Mediterranean Dialogue.");
        controls.sendKeys(Keys.ARROW_LEFT);
        wait.until(d -> find("#replay-counter").getText().equals("Step 2 of 3") && d.findElements(By.id("replay-correction")).isEmpty());
        assertThat(find("#replay-applied").getText()).contains("MediterraneanDialogueJoined").contains("dated 1995 (year precision)");
        // The correction is in the event store view with who recorded it and why, and is no fact marker of its own.
        assertThat(find("#events-table tbody tr:last-child").getText()).contains("FactCorrected").contains("editor — a better source dates it to 1996");
        assertThat(browser.driver.findElements(By.cssSelector("#timeline-svg .fact"))).hasSize(2);
    }

    private HttpStatus write(String path, String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return HttpStatus.valueOf(http.withBasicAuth(EDITOR, EDITOR_PASSWORD)
                .postForEntity(path, new org.springframework.http.HttpEntity<>(json, headers), String.class).getStatusCode().value());
    }

    // --- event store, what-if, small screens ----------------------------------------------------------------

    @Test
    void theEventStoreViewListsTheStoredEventsInOrder() {
        JsonNode events = get("/api/relations/israel-nato/events");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#events-table tbody tr"));
        assertThat(rows).hasSize(events.size());
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            JsonNode event = events.get(i);
            assertThat(cells.get(0).getText()).isEqualTo(event.get("globalSequence").asText());
            assertThat(cells.get(1).getText()).isEqualTo(event.get("aggregateSequence").asText());
            assertThat(cells.get(2).getText()).startsWith(event.get("type").asText());
            assertThat(cells.get(4).getText()).isEqualTo(event.get("recordedAt").asText());
            List<String> provenance = new ArrayList<>();
            for (String field : List.of("recordedBy", "reason")) {
                if (event.hasNonNull(field) && !event.get(field).asText().isEmpty()) {
                    provenance.add(event.get(field).asText());
                }
            }
            assertThat(cells.get(5).getText()).isEqualTo(provenance.isEmpty() ? "—" : String.join(" — ", provenance));
            if (event.has("validDate")) {
                assertThat(cells.get(3).getText()).isEqualTo(event.get("validDate").asText() + " ("
                        + event.get("precision").asText().toLowerCase() + ")");
            }
        }
        WebElement payload = rows.get(1).findElement(By.tagName("summary"));
        payload.click();
        assertThat(rows.get(1).findElement(By.tagName("pre")).getText()).contains(events.get(1).at("/payload/factId").asText());
        screenshot("event-store", find("#events-view"));
    }

    @Test
    void runningAScenarioOverlaysItAndHighlightsTheDivergence() {
        // The panel opens on a shipped scenario and runs it.
        WebElement summary = wait.until(d -> d.findElement(By.id("whatif-summary")));
        JsonNode never = get("/api/scenarios/turkey-never-vetoes/result");
        assertThat(new Select(find("#scenario-select")).getFirstSelectedOption().getAttribute("value")).isEqualTo("turkey-never-vetoes");
        assertThat(summary.getText()).startsWith("First divergence from history: " + never.at("/diff/firstDivergence").asText() + ".");
        assertShowsTheRun(never);
        WebElement lifted = find("#whatif-rejected li[data-fact-id='turkey-veto-lifted-2016']");
        assertThat(lifted.getText()).contains("LIFT_ONLY_VETO_IN_FORCE").contains(never.at("/rejected/0/reason").asText());
        screenshot("what-if", find("#whatif-view"));

        // Pick another shipped scenario: it is loaded into the editor and run.
        new Select(find("#scenario-select")).selectByValue("no-mediterranean-dialogue");
        JsonNode noDialogue = get("/api/scenarios/no-mediterranean-dialogue/result");
        wait.until(d -> find("#whatif-summary").getText().startsWith("First divergence from history: "
                + noDialogue.at("/diff/firstDivergence").asText()));
        assertThat(find("#scenario-source").getAttribute("value")).isEqualTo(get("/api/scenarios/no-mediterranean-dialogue").get("source").asText());
        assertShowsTheRun(noDialogue);
        assertThat(find("#whatif-rejected li[data-fact-id='first-exercise-invitation-2002']").getText()).contains("PARTNER_STATUS_REQUIRED");

        assertThat(find("#whatif-view a[href$='06-what-if.md']").getAttribute("href")).endsWith("/docs/lessons/06-what-if.md");
    }

    @Test
    void anEditedScenarioRunsAndAnInvalidOneShowsWhereItIsWrong() {
        wait.until(d -> d.findElement(By.id("whatif-summary")));
        String edited = "id: veto-in-2012\ntitle: Turkey vetoes two years later\nrelation: israel-nato\nrationale: a test\n"
                + "changes:\n  - redate: turkey-veto-2010\n    to: \"2012-03\"\n";
        WebElement source = find("#scenario-source");
        source.clear();
        source.sendKeys(edited);
        find("#scenario-run").click();
        JsonNode expected = post(edited);
        wait.until(d -> find("#whatif-summary").getText().startsWith("First divergence from history: "
                + expected.at("/diff/firstDivergence").asText()));
        assertShowsTheRun(expected);

        source.clear();
        source.sendKeys("id: broken\ntitle: t\nrelation: israel-nato\nrationale: r\nchanges:\n  - remove: no-such-fact\n");
        find("#scenario-run").click();
        WebElement error = find("#whatif-error");
        wait.until(d -> error.isDisplayed());
        assertThat(error.getText()).contains("no fact 'no-such-fact'").contains("(field changes[0], line 6)");
        assertThat(source.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElements(By.id("whatif-summary"))).isEmpty();
    }

    /** The lists and the overlay show exactly the run the API returns. */
    private void assertShowsTheRun(JsonNode run) {
        assertThat(attributes("#whatif-rejected li", "data-fact-id"))
                .containsExactlyElementsOf(run.get("rejected").findValuesAsText("factId"));
        run.at("/diff/dimensions").fields().forEachRemaining(dimension -> {
            int intervals = dimension.getValue().size();
            String key = dimension.getKey();
            assertThat(browser.driver.findElements(By.cssSelector("#whatif-divergences li[data-dimension='" + key + "']")))
                    .as(key).hasSize(intervals);
            WebElement lane = find("#whatif-svg .lane[data-dimension='" + key + "']");
            assertThat(lane.findElements(By.cssSelector(".segment.diverges"))).as(key).hasSize(intervals);
            assertThat(lane.getAttribute("class").contains("changed")).as(key).isEqualTo(intervals > 0);
            assertThat(lane.findElements(By.cssSelector(".segment.scenario"))).as(key).hasSize(
                    (int) countVisible(run.at("/timeline/" + key)));
        });
    }

    /** Segments inside the whole-history view (the page draws every one that overlaps it). */
    private long countVisible(JsonNode segments) {
        return java.util.stream.StreamSupport.stream(segments.spliterator(), false).count();
    }

    private JsonNode post(String scenario) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.parseMediaType("application/yaml"));
        return body(http.postForEntity("/api/scenarios/run", new org.springframework.http.HttpEntity<>(scenario, headers), String.class));
    }

    @Test
    void atAPhonesWidthNothingOverflowsSideways() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= 400);
        wait.until(d -> ((Number) js("return document.getElementById('timeline-svg').getBoundingClientRect().width")).intValue()
                <= ((Number) js("return window.innerWidth")).intValue());
        long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
        assertThat(overflow).as("horizontal overflow in px, from %s", js("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12)"))
                .isLessThanOrEqualTo(0);
        // The lane labels move above the bars, so that the bars keep the whole width.
        double firstLabel = ((Number) js("return document.querySelector('#timeline-svg .lane .lane-label').getBBox().x")).doubleValue();
        assertThat(firstLabel).isGreaterThan(0);
        screenshot("phone-top", null);
        js("document.getElementById('date-view').scrollIntoView()");
        screenshot("phone-status", null);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private List<JsonNode> facts() {
        List<JsonNode> facts = new ArrayList<>();
        get("/api/relations/israel-nato/events").forEach(e -> {
            if (e.has("validDate")) {
                facts.add(e);
            }
        });
        return facts;
    }

    private JsonNode fact(String id) {
        return facts().stream().filter(f -> f.at("/payload/factId").asText().equals(id)).findFirst().orElseThrow();
    }

    private int dimensionCount() {
        return get("/api/relations/israel-nato/status?at=2011-01-01").get("dimensions").size();
    }

    /** How the page should show an answer: the value, the list joined, or the uncertain possibilities. */
    private static String text(JsonNode answer) {
        if (!answer.get("certain").asBoolean()) {
            List<String> possible = new ArrayList<>();
            answer.get("possibleValues").forEach(v -> possible.add(v.asText()));
            return "uncertain: " + String.join(" or ", possible);
        }
        JsonNode value = answer.get("value");
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        return value.asText();
    }

    private static String start(String validDate) {
        return validDate.length() == 4 ? validDate + "-01-01" : validDate.length() == 7 ? validDate + "-01" : validDate;
    }

    private static String end(String validDate) {
        java.time.LocalDate start = java.time.LocalDate.parse(start(validDate));
        return (validDate.length() == 4 ? start.plusYears(1).minusDays(1)
                : validDate.length() == 7 ? start.plusMonths(1).minusDays(1) : start).toString();
    }

    private String value(String dimension) {
        return find("#status-list [data-dimension='" + dimension + "'] .value").getText();
    }

    private void typeDate(String date) {
        WebElement input = find("#date-input");
        input.clear();
        input.sendKeys(date, Keys.ENTER);
    }

    private void waitForStep(int step) {
        wait.until(d -> find("#replay-counter").getText().startsWith("Step " + step + " of")
                && (step == 0 ? !d.findElements(By.cssSelector("#replay-applied strong")).isEmpty()
                : d.findElements(By.id("replay-fact-id")).size() == 1)
                && d.findElements(By.cssSelector("#replay-svg .fact")).size() == step);
    }

    private WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private List<String> attributes(String css, String attribute) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    private List<String> severeConsoleMessages() {
        return browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A screenshot of an element (or of the viewport) under target/screenshots/, to look at. */
    private void screenshot(String name, WebElement element) {
        if (element != null) {
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView(true)", element);
        }
        try {
            byte[] png = element == null ? ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES)
                    : element.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
