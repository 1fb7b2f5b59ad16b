package org.onlabel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in a real headless Chromium against the service with the reference catalog, a real Keycloak and
 * PostgreSQL: a reader's journey from the search to the evidence of an off-label verdict, and sign-in showing an
 * embargoed dataset. Every page is scanned with axe-core and must log no console error; screenshots land in
 * target/screenshots.
 */
@QuarkusTest
class WebJourneyTest {
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String url(String path) {
        if (base == null) {
            base = "http://127.0.0.1:" + RestAssured.port;
        }
        return base + path;
    }

    @Test
    void fromTheSearchToTheEvidenceThatBratsIsOffLabelForReconstruction() {
        browser.open(url("/"));
        assertPageIsClean("search");
        browser.driver.findElement(By.id("q")).sendKeys("BraTS");
        browser.driver.findElement(By.id("search-button")).click();
        WebElement result = waitFor(By.cssSelector("a.dataset-link[data-key='brats-2021']"));
        result.click();

        waitFor(By.cssSelector("svg.lineage-svg"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("BraTS").contains("brats-2021");
        // the graph: the dataset itself marked, its ancestor drawn and linked, the steps on the edge between them
        assertThat(browser.driver.findElements(By.cssSelector("svg .node.root[data-key='brats-2021']"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("svg a[href='/datasets/tcga-gbm'] .node"))).hasSize(1);
        String edgeSteps = browser.driver.findElement(By.cssSelector("svg .edge[data-from='tcga-gbm'][data-to='brats-2021']")).getText();
        assertThat(edgeSteps).contains("skull-stripping");
        // zoom: the buttons scale the drawing (its viewBox stays), and "Fit" never enlarges beyond 100 %
        WebElement svg = browser.driver.findElement(By.cssSelector("svg.lineage-svg"));
        int drawnWidth = Integer.parseInt(svg.getAttribute("width"));
        browser.driver.findElement(By.cssSelector(".zoom-controls button[aria-label='Zoom in']")).click();
        assertThat(Integer.parseInt(svg.getAttribute("width"))).isEqualTo(Math.round(drawnWidth * 1.25f));
        assertThat(browser.driver.findElement(By.cssSelector(".zoom-level")).getText()).isEqualTo("125 %");
        browser.driver.findElement(By.cssSelector(".zoom-controls button[aria-label='Fit the graph to the width']")).click();
        assertThat(Integer.parseInt(svg.getAttribute("width"))).isLessThanOrEqualTo(drawnWidth);
        WebElement recon = browser.driver.findElement(By.cssSelector("li.task-verdict[data-task='mri-reconstruction']"));
        assertThat(recon.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("OFF_LABEL");
        assertThat(recon.findElements(By.cssSelector(".reasons li"))).isNotEmpty();
        assertPageIsClean("brats-2021");

        recon.findElement(By.tagName("a")).click();
        WebElement verdict = waitFor(By.id("verdict"));
        assertThat(verdict.getText()).isEqualTo("OFF_LABEL");
        assertThat(browser.driver.getCurrentUrl()).contains("task=mri-reconstruction").contains("dataset=brats-2021");
        List<WebElement> violations = browser.driver.findElements(By.cssSelector("li.finding[data-severity='violation']"));
        assertThat(violations).extracting(v -> v.getAttribute("data-rule")).contains("any.contraindicated");
        assertThat(violations).extracting(WebElement::getText).anyMatch(t -> t.contains("introduced by brats-2021, step"));
        assertThat(browser.driver.findElements(By.cssSelector("svg .node.violation[data-key='brats-2021']"))).hasSize(1);
        assertPageIsClean("check-brats-2021-mri-reconstruction");

        // the same check of a dataset derived from BraTS: the violations travel along the derivation, drawn in red
        browser.open(url("/check?task=mri-reconstruction&dataset=brats-2021-synthetic-kspace&role=train"));
        assertThat(waitFor(By.id("verdict")).getText()).isEqualTo("OFF_LABEL");
        assertThat(browser.driver.findElements(By.cssSelector(
                "svg .edge.violation[data-from='brats-2021'][data-to='brats-2021-synthetic-kspace']"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("svg .node.violation[data-key='brats-2021']"))).hasSize(1);
        assertPageIsClean("check-synthetic-kspace");
    }

    @Test
    void aliceSignedInSeesHerOrganizationsEmbargoedDatasetAndSignedOutDoesNot() {
        String key = Datasets.uniqueKey("nyu-embargoed-web");
        String word = "Quokka" + key.substring(key.length() - 8);
        Map<String, Object> body = Datasets.valid(key);
        body.put("title", "Embargoed knee study " + word);
        body.put("organization", "nyu");
        body.put("visibility", "embargoed");
        Api.create(Tokens.user("alice"), body).then().statusCode(201);

        browser.open(url("/?q=" + word));
        assertThat(waitFor(By.id("results-heading")).getText()).isEqualTo("No dataset matches");
        browser.open(url("/datasets/" + key));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).startsWith("404");
        browser.screenshot("not-found");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the 404 page").isEmpty();
        browser.consoleErrors(); // the browser logs the 404 status itself

        browser.open(url("/?q=" + word));
        browser.driver.findElement(By.id("sign-in")).click();
        waitFor(By.id("username")).sendKeys("alice");
        browser.driver.findElement(By.id("password")).sendKeys("alice");
        browser.driver.findElement(By.id("kc-login")).click();

        assertThat(waitFor(By.id("signed-in-as")).getText()).contains("alice");
        assertThat(browser.driver.getCurrentUrl()).startsWith(url("/?q=" + word));
        waitFor(By.cssSelector("a.dataset-link[data-key='" + key + "']")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).contains(word);
        assertThat(browser.driver.findElements(By.cssSelector(".label-head .tag.embargoed"))).hasSize(1);
        assertPageIsClean("signed-in-embargoed");

        // a sign-out whose CSRF token does not match the cookie is refused, and the session stays
        browser.driver.executeScript("document.querySelector(\"form[action='/signout'] input[name='csrf']\").value = 'forged';");
        browser.driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        // wait for the refusal to arrive: right after the click the browser may still show the page it left
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("403"));
        assertThat(browser.driver.getPageSource()).contains("403");
        browser.open(url("/"));
        assertThat(waitFor(By.id("signed-in-as")).getText()).contains("alice");

        browser.driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        waitFor(By.id("sign-in"));
        browser.open(url("/?q=" + word));
        assertThat(waitFor(By.id("results-heading")).getText()).isEqualTo("No dataset matches");
    }

    @Test
    void aReviewerReadsAPublicationAndOpensAScreeningReportFromItsShareLink() {
        browser.consoleErrors(); // whatever an earlier test left in the log
        browser.open(url("/publications/10.1148/ryai.2020190007"));
        assertThat(waitFor(By.tagName("h1")).getText()).containsIgnoringCase("fastMRI");
        assertThat(browser.driver.findElements(By.cssSelector("li.linked-dataset[data-key='fastmri-knee-multicoil'] a[href='/datasets/fastmri-knee-multicoil']"))).hasSize(1);
        assertPageIsClean("publication-fastmri");

        Map<String, Object> body = Map.of("manuscript", Map.of("submissionId", "RYAI-26-0077"),
                "uses", List.of(Map.of("task", "mri-reconstruction",
                        "datasets", List.of(Map.of("key", "brats-2021", "role", "train")))));
        String shareUrl = Api.as(Tokens.journal()).body(body).post("/api/v1/screenings").then().statusCode(201)
                .extract().path("shareUrl");
        java.net.URI share = java.net.URI.create(shareUrl);
        browser.open(url(share.getRawPath().replace("/api/v1", "") + "?" + share.getRawQuery()));
        assertThat(waitFor(By.id("report-verdict")).getText()).isEqualTo("OFF_LABEL");
        assertThat(browser.driver.findElements(By.cssSelector("li.finding[data-severity='violation']"))).isNotEmpty();
        assertPageIsClean("screening-report");
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static void assertPageIsClean(String screenshot) {
        browser.screenshot(screenshot);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on %s", screenshot).isEmpty();
        assertThat(browser.consoleErrors()).as("console of %s", screenshot).isEmpty();
    }
}
