package nl.zorgpad.stack.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP against a running Keycloak for the realm tests: form posts, the admin REST API, and a minimal browser for the
 * login pages (it keeps the cookies itself: Keycloak marks them Secure even on http://localhost, which the JDK's
 * cookie manager then refuses to send).
 */
final class KeycloakHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String url;

    KeycloakHttp(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
    }

    /** A token of the bootstrap administrator (realm master), for the admin REST API. */
    String adminToken() {
        HttpResponse<String> response = postForm("/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD));
        return json(response).path("access_token").asText();
    }

    /** A call of the admin REST API ({@code /admin/realms/...}); {@code body} is JSON or null. */
    HttpResponse<String> admin(String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url + "/admin/realms" + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The claims of a JWT, unverified: the test only reads what Keycloak put in. */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * One person's browser going through the authorization code flow with PKCE: it follows Keycloak's redirects and
     * stops at the client's redirect URI, where {@link Page#code()} holds the authorization code.
     */
    static final class Browser {

        private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");
        private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
        private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final String redirectUri;
        private final String codeVerifier;

        Browser(String redirectUri) {
            this.redirectUri = redirectUri;
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.codeVerifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        String codeVerifier() {
            return codeVerifier;
        }

        /** Opens the realm's authorization endpoint for a client, as the client's login redirect would. */
        Page startLogin(String realmUrl, String clientId) {
            String challenge;
            try {
                challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return get(URI.create(realmUrl + "/protocol/openid-connect/auth?" + formBody(Map.of(
                    "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                    "state", "s1", "code_challenge", challenge, "code_challenge_method", "S256"))));
        }

        /** Fills in and submits the form with this id on the page, as pressing its button does. */
        Page submit(Page page, String formId, Map<String, String> fields) {
            Matcher form = FORM.matcher(page.html());
            while (form.find()) {
                Matcher id = ID.matcher(form.group());
                Matcher action = ACTION.matcher(form.group());
                if (id.find() && id.group(1).equals(formId) && action.find()) {
                    URI target = URI.create(action.group(1).replace("&amp;", "&"));
                    return follow(send(withCookies(HttpRequest.newBuilder(target))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)))));
                }
            }
            throw new AssertionError("no form " + formId + " on the page:\n" + page.html());
        }

        private Page get(URI uri) {
            return follow(send(withCookies(HttpRequest.newBuilder(uri)).GET()));
        }

        private Page follow(HttpResponse<String> response) {
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            if (response.statusCode() / 100 != 3) {
                return new Page(response.statusCode(), response.body(), null);
            }
            URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (location.toString().startsWith(redirectUri)) {
                return new Page(response.statusCode(), "", location);
            }
            return get(location);
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private void keep(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** A page the browser shows, or (with {@code redirectedTo}) the redirect back to the client. */
    record Page(int status, String html, URI redirectedTo) {

        boolean hasElement(String id) {
            return html.contains("id=\"" + id + "\"");
        }

        String code() {
            if (redirectedTo == null) {
                throw new AssertionError("no redirect to the client; the page says:\n" + html);
            }
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(redirectedTo.getRawQuery() == null ? ""
                    : "?" + redirectedTo.getRawQuery());
            if (!code.find()) {
                throw new AssertionError("no code in " + redirectedTo);
            }
            return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        }
    }
}
