package nl.zorgpad.stack.run;

import java.io.IOException;
import java.net.CookieHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the console the way a browser does, without one: the console sends her to Keycloak's login page,
 * she posts her user name and password there, and Keycloak sends her back to the page she asked for; her session
 * cookie then opens further pages. Used by the smoke check of {@code deploy/run} and the console's benchmark.
 */
public final class ConsoleSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String consoleUrl;
    private final HttpClient browser;

    private ConsoleSession(String consoleUrl, HttpClient browser) {
        this.consoleUrl = consoleUrl;
        this.browser = browser;
    }

    /** A page as seen by the logged-in user: its final address, status and body. */
    public record Page(URI uri, int status, String body) {
    }

    /** The status of {@code path} for a visitor without a session, and where it sends her (no redirects followed). */
    public static HttpResponse<Void> anonymous(String consoleUrl, String path)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(consoleUrl + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Logs in as {@code user} (password = user name, the demo realm) by opening {@code path}: the session and the
     * page she lands on, which is {@code path} when the login worked.
     */
    public static ConsoleSession login(String consoleUrl, String path, String user)
            throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        ConsoleSession session = new ConsoleSession(consoleUrl, browser);
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(consoleUrl + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (action.find()) {
            String form = "username=" + encode(user) + "&password=" + encode(user) + "&credentialId=";
            browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        }
        return session;
    }

    /** A page of the console, opened with this session. */
    public Page get(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(consoleUrl + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Page(page.uri(), page.statusCode(), page.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The cookies of one visit to localhost, sent back to every port. Unlike the JDK's CookieManager it also sends
     * cookies marked Secure over http, as browsers do for localhost: Keycloak marks its login session cookies so.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String cookie : values) {
                        String pair = cookie.split(";", 2)[0];
                        int equals = pair.indexOf('=');
                        if (equals > 0) {
                            String value = pair.substring(equals + 1);
                            boolean expired = cookie.toLowerCase().contains("max-age=0") || value.isEmpty();
                            if (expired) {
                                cookies.remove(pair.substring(0, equals).strip());
                            } else {
                                cookies.put(pair.substring(0, equals).strip(), value);
                            }
                        }
                    }
                }
            });
        }
    }
}
