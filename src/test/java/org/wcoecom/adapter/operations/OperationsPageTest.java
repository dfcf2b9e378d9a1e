package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.reliability.GroupTraffic;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The operations page in Debian's headless Chromium, against an adapter with traffic: the flow plot
 * and totals, rejections by code with a partner's markup shown as text and a link to the record's
 * audit history, the groups waiting for documents, a dead letter replayed with the page's button.
 * Only the operator gets in, and a replay from elsewhere is refused. Screenshots in target/screenshots/.
 */
class OperationsPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String P = "demo-platform";
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @Test
    void the_operator_sees_the_traffic_and_replays_a_dead_letter(@TempDir Path data) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/chromium installs them)");
        Path shots = Files.createDirectories(Project.root().resolve("target/screenshots"));
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.egress.ceb.max-message-bytes",
                String.valueOf(GroupTraffic.POISON_LIMIT), "adapter.crosscheck.timeout", "600000"))) {
            String a = Messages.orderNo("OPS-A");
            String b = Messages.orderNo("OPS-B");
            String big = Messages.orderNo("OPS-BIG");
            String bad = Messages.orderNo("OPS-BAD");
            byte[] orderA = Messages.utf8(Messages.single(a));
            assertEquals(200, adapter.post(orderA, P).statusCode());
            assertEquals(200, adapter.post(orderA, P).statusCode());
            String poison = GroupTraffic.poisonOrder(big);
            String bigOrder = poison.substring(poison.indexOf("<ceb:Order>"), poison.indexOf("</ceb:Order>") + "</ceb:Order>".length());
            assertEquals(200, adapter.post(Messages.utf8(Messages.single(b).replace("</ceb:Order>", "</ceb:Order>\n  " + bigOrder)), P).statusCode());
            // the partner's own text, markup included, comes back in the rejection's message
            String withMarkup = Messages.single(bad).replace("<ceb:country>116</ceb:country>",
                    "<ceb:country>" + MARKUP.replace("<", "&lt;").replace(">", "&gt;") + "</ceb:country>");
            assertEquals(400, adapter.post(Messages.utf8(withMarkup), P).statusCode());
            assertEquals(400, adapter.post(Messages.utf8("<invoice xmlns=\"urn:example:not-a-format\"/>"), P).statusCode());
            awaitDeadLetter(adapter);
            awaitWaitingGroup(adapter, a);

            int port = adapter.managementPort();
            String password = adapter.brokerPassword(BrokerUsers.OPERATOR);
            assertEquals(401, get(port, "/ops", null).statusCode(), "the page without credentials");
            assertEquals(401, get(port, "/ops", "operator:wrong").statusCode(), "the page with a wrong password");
            HttpResponse<String> direct = get(port, "/ops", "operator:" + password);
            assertEquals(200, direct.statusCode());
            assertTrue(direct.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'nonce-"), direct.headers().map().toString());

            WebDriver browser = chromium();
            try {
                String base = "http://operator:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + port;
                browser.get(base + "/ops");
                assertEquals("wco-ecom-adapter operations", browser.getTitle());
                screenshot(browser, shots.resolve("operations-page.png"));

                // the plot has the partner's line; the totals count its records by outcome
                assertFalse(browser.findElements(By.cssSelector("#flow-plot polyline.flow-line[data-partner='" + P + "']")).isEmpty(),
                        "no line for " + P + " in the plot");
                WebElement totals = browser.findElement(By.xpath("//table[@id='flow-totals']//tr[td[1]='" + P + "']"));
                List<String> cells = totals.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                assertEquals(List.of(P, "3", "1", "2"), cells, "accepted, duplicate, rejected");

                // rejections by code: the partner's markup is text on the page, not an element
                WebElement unknown = browser.findElement(By.cssSelector("#rejections tr.rejection[data-code='FORMAT_UNKNOWN']"));
                assertEquals("1", unknown.findElement(By.cssSelector(".count")).getText());
                assertTrue(browser.findElement(By.id("rejections")).getText().contains(MARKUP), browser.findElement(By.id("rejections")).getText());
                assertTrue(browser.findElements(By.cssSelector("#rejections img")).isEmpty(), "the partner's markup became an element");

                // the groups wait for their payments and waybills
                WebElement group = browser.findElement(By.xpath("//section[@id='waiting']//tr[td[1]='" + a + "']"));
                assertEquals("Payment, Shipment", group.findElement(By.cssSelector(".missing")).getText());

                // the refused record's history, through the link
                browser.findElement(By.xpath("//section[@id='rejections']//a[@class='record' and text()='" + P + ":" + bad + "']")).click();
                assertEquals(P + ":" + bad, browser.findElement(By.id("record")).getText());
                assertTrue(browser.findElement(By.id("history")).getText().contains("REJECTED"), browser.getPageSource());
                screenshot(browser, shots.resolve("operations-history.png"));

                // the dead letter, replayed with its button
                browser.get(base + "/ops");
                WebElement letter = browser.findElement(By.xpath("//section[@id='dead-letters']//tr[td/a[text()='" + P + ":" + big + "']]"));
                assertTrue(letter.getText().contains("MESSAGE_TOO_LARGE"), letter.getText());
                letter.findElement(By.cssSelector("button.replay")).click();
                List<WebElement> notices = browser.findElements(By.id("notice"));
                assertEquals(1, notices.size(), () -> "no notice after the replay: " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
                String notice = notices.get(0).getText();
                assertTrue(notice.startsWith("replayed ") && notice.contains("DLQ.egress"), notice);
                screenshot(browser, shots.resolve("operations-replayed.png"));
            } finally {
                browser.quit();
            }
            HttpResponse<String> history = get(port, "/ops/history?record=" + URLEncoder.encode(P + ":" + big, StandardCharsets.UTF_8),
                    "operator:" + password);
            assertTrue(history.body().contains("REPLAYED") && history.body().contains("operations page"), history.body());

            // the replayed letter came back to egress (counted) and, still too large, went to DLQ.egress again
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Scrape scrape = Scrape.of(port);
            while (scrape.value("adapter_dead_letters_total", "stage", "egress", "partner", P).orElse(0.0) < 2 && System.nanoTime() < until) {
                Thread.sleep(250);
                scrape = Scrape.of(port);
            }
            assertEquals(java.util.Optional.of(1.0), scrape.value("adapter_dead_letters_replayed_total", "stage", "egress", "partner", P), scrape.text);
            assertEquals(java.util.Optional.of(2.0), scrape.value("adapter_dead_letters_total", "stage", "egress", "partner", P));

            // a replay that does not come from the page is refused, whoever's credentials it carries
            assertEquals(403, replay(port, password, "id=x&csrf=guess", null).statusCode());
            String token = direct.body().replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]+)\".*", "$1");
            assertEquals(403, replay(port, password, "id=x&csrf=" + token, "http://evil.example").statusCode());
            assertEquals(303, replay(port, password, "id=x&csrf=" + token, "http://127.0.0.1:" + port).statusCode());
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2400",
                "--remote-allow-origins=*");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    private static void screenshot(WebDriver browser, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void awaitDeadLetter(TestAdapter adapter) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (!adapter.runtime().operationsView().snapshot().deadLetters().isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the oversized order was not dead-lettered");
    }

    private static void awaitWaitingGroup(TestAdapter adapter, String orderNo) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (adapter.runtime().operationsView().snapshot().waiting().stream().anyMatch(g -> g.orderNumber().equals(orderNo))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("order " + orderNo + " never waited for its payment and waybill");
    }

    private static HttpResponse<String> get(int port, String path, String credentials) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (credentials != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> replay(int port, String password, String form, String origin) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/replay")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            r.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
