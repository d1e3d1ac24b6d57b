package nl.zorgpad.referral.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for pathway-service's {@code POST /api/routes/resolve}. It checks every request against the published
 * contract (all nine fields present, signalTypes a non-empty array, a bearer token) and answers in the contract's
 * shape: financial-debt, psychological and poverty-income route to the Smallingerland district team (alternative:
 * the Opsterland area team), smoking to the Opsterland area team, lifestyle and alcohol to the Opsterland area team
 * in region-heerenveen (for the stats test), domestic-violence to Veilig Thuis, a code starting with "unknown" is
 * refused with 422 as pathway-service refuses unknown signal types, anything else
 * is a stated gap. Tests take it down and up through a loopback control server (the test and the resource may live
 * in different class loaders).
 */
public class PathwayStub implements QuarkusTestResourceLifecycleManager {

    public static final String REGION = "region-zuidoost-friesland";
    /** lifestyle and alcohol are routed in this region only, so the stats test counts exactly its own. */
    public static final String STATS_REGION = "region-heerenveen";
    public static final String SMALLINGERLAND = "partner-wijkteam-smallingerland";
    public static final String OPSTERLAND = "partner-gebiedsteam-opsterland";
    public static final String VEILIG_THUIS = "partner-veilig-thuis-friesland";
    private static final String CONTROL_PORT = "zorgpad.test.pathway-stub.control-port";
    private static final List<String> CONTRACT_FIELDS = List.of("postcode", "municipalityCode", "signalTypes",
            "phase", "dueDate", "birthDate", "vulnerability", "clientAge", "urgency");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private HttpServer control;
    private int port;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String lastAuthorization = "";
    private volatile String lastTraceparent = "";
    /** Refuse the next token that arrives, and that token ever after, as pathway-service refuses an expired one. */
    private volatile boolean refuseNextToken;
    private volatile String refusedAuthorization = "";

    @Override
    public Map<String, String> start() {
        // Answer without Nagle's delay, like the real (Vert.x) pathway-service; read once by the JDK, so the module's
        // surefire configuration sets it too, before any HttpServer exists.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = serve(0);
            port = server.getAddress().getPort();
            control = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            control.createContext("/down", exchange -> {
                if (server != null) {
                    server.stop(0);
                    server = null;
                }
                reply(exchange, 204, "");
            });
            control.createContext("/up", exchange -> {
                if (server == null) {
                    server = serve(port);
                }
                reply(exchange, 204, "");
            });
            control.createContext("/calls", exchange -> reply(exchange, 200, String.valueOf(calls.get())));
            control.createContext("/last-authorization", exchange -> reply(exchange, 200, lastAuthorization));
            control.createContext("/last-traceparent", exchange -> reply(exchange, 200, lastTraceparent));
            control.createContext("/refuse-next-token", exchange -> {
                refuseNextToken = true;
                reply(exchange, 204, "");
            });
            control.createContext("/refused-authorization", exchange -> reply(exchange, 200, refusedAuthorization));
            control.start();
            System.setProperty(CONTROL_PORT, String.valueOf(control.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.rest-client.pathway.url", "http://localhost:" + port,
                "nl.zorgpad.referral.client.PathwayClient/resolve/CircuitBreaker/delay", "200",
                "nl.zorgpad.referral.client.PathwayClient/resolve/CircuitBreaker/delayUnit", "MILLIS");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (control != null) {
            control.stop(0);
        }
    }

    private HttpServer serve(int onPort) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("localhost", onPort), 0);
        http.createContext("/api/routes/resolve", this::resolve);
        http.createContext("/api/signal-types", this::signalTypes);
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        http.start();
        return http;
    }

    /** Three national signal types of the catalogue, in pathway-service's shape. */
    private void signalTypes(HttpExchange exchange) throws IOException {
        if (!String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).startsWith("Bearer ")) {
            reply(exchange, 401, "");
            return;
        }
        reply(exchange, 200, """
                [{"code":"financial-debt","labelNl":"Schulden","labelEn":"Debts","domain":"money",
                  "description":"Problematic debts or arrears.","descriptionNl":"Problematische schulden.",
                  "regionId":null},
                 {"code":"smoking","labelNl":"Roken","labelEn":"Smoking","domain":"health",
                  "description":"Smoking by the mother or her partner.","descriptionNl":"Roken door moeder of partner.",
                  "regionId":null},
                 {"code":"social-network","labelNl":"Klein netwerk","labelEn":"Small network","domain":"network",
                  "description":"Nobody to turn to.","descriptionNl":"Niemand om op terug te vallen.",
                  "regionId":null}]""");
    }

    private void resolve(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        lastAuthorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        lastTraceparent = String.valueOf(exchange.getRequestHeaders().getFirst("traceparent"));
        if (!"POST".equals(exchange.getRequestMethod()) || !lastAuthorization.startsWith("Bearer ")) {
            reply(exchange, 401, "");
            return;
        }
        synchronized (this) {
            if (refuseNextToken) {
                refuseNextToken = false;
                refusedAuthorization = lastAuthorization;
            }
        }
        if (lastAuthorization.equals(refusedAuthorization)) {
            reply(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The token expired\"}");
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        for (String field : CONTRACT_FIELDS) {
            if (!request.has(field)) {
                reply(exchange, 400, "{\"detail\":\"missing " + field + "\"}");
                return;
            }
        }
        if (!request.get("signalTypes").isArray() || request.get("signalTypes").isEmpty()) {
            reply(exchange, 400, "{\"detail\":\"signalTypes\"}");
            return;
        }
        for (JsonNode signal : request.get("signalTypes")) {
            if (signal.asText().startsWith("unknown")) {
                reply(exchange, 422, "{\"type\":\"https://zorgpad.nl/problems/validation\",\"status\":422,"
                        + "\"detail\":\"Unknown signal type " + signal.asText() + "\"}");
                return;
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("phase", request.get("dueDate").isNull() ? "after-birth" : "pregnancy");
        answer.put("municipalityCode", "GM0090");
        ArrayNode results = answer.putArray("results");
        for (JsonNode signal : request.get("signalTypes")) {
            results.add(result(signal.asText()));
        }
        reply(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static ObjectNode result(String signal) {
        ObjectNode result = JSON.createObjectNode();
        result.put("signalType", signal);
        ArrayNode alternatives = JSON.createArrayNode();
        ArrayNode passedOver = JSON.createArrayNode();
        ObjectNode primary;
        switch (signal) {
            case "financial-debt", "psychological", "poverty-income" -> {
                primary = route(SMALLINGERLAND, "Sociaal Wijkteam Smallingerland", "district-team");
                alternatives.add(route(OPSTERLAND, "Gebiedsteam Opsterland", "district-team"));
                passedOver.add(JSON.createObjectNode().put("partnerId", "partner-schuldhulp-drachten")
                        .put("partnerName", "Schuldhulp Drachten").put("reason", "closed"));
            }
            case "smoking" -> primary = route(OPSTERLAND, "Gebiedsteam Opsterland", "district-team");
            case "lifestyle", "alcohol" -> {
                primary = route(OPSTERLAND, "Gebiedsteam Opsterland", "district-team");
                primary.put("regionId", STATS_REGION);
            }
            case "domestic-violence" -> primary = route(VEILIG_THUIS, "Veilig Thuis Friesland", "veilig-thuis");
            default -> primary = null;
        }
        result.put("status", primary == null ? "no-route" : "routed");
        result.set("primary", primary);
        result.set("alternatives", alternatives);
        result.set("passedOver", passedOver);
        if (primary == null) {
            result.put("gap", "No pathway for " + signal + " in this municipality yet");
        } else {
            result.putNull("gap");
        }
        return result;
    }

    private static ObjectNode route(String partnerId, String name, String kind) {
        ObjectNode route = JSON.createObjectNode();
        route.put("partnerId", partnerId);
        route.put("partnerName", name);
        route.put("partnerKind", kind);
        route.set("contactPoint", JSON.createObjectNode().put("id", "cp-" + partnerId).put("name", "Intake " + name)
                .put("phone", "0512 000000").put("email", "intake@" + partnerId + ".example")
                .put("openingHours", "Mon-Fri 09:00-17:00"));
        route.put("instruction", "Call the intake line of " + name + " with the family present");
        route.set("responseTargetWorkingDays", JSON.createObjectNode().put("routine", 5).put("urgent", 1));
        route.put("capacityStatus", "open");
        route.putNull("waitlistWeeks");
        route.put("pathwayId", "pw-" + partnerId);
        route.put("pathwayVersion", 3);
        route.put("regionId", REGION);
        route.put("matchReason", "municipality GM0090");
        return route;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    // Called from tests -----------------------------------------------------------------------------------------

    public static void goDown() {
        call("/down");
    }

    public static void comeUp() {
        call("/up");
    }

    public static int calls() {
        return Integer.parseInt(call("/calls"));
    }

    /** From now on, the token of the next resolve call is refused (401) every time it is sent. */
    public static void refuseTheNextToken() {
        call("/refuse-next-token");
    }

    public static String refusedAuthorization() {
        return call("/refused-authorization");
    }

    public static String lastAuthorization() {
        return call("/last-authorization");
    }

    /** The {@code traceparent} header of the last resolve call ("null" when it had none). */
    public static String lastTraceparent() {
        return call("/last-traceparent");
    }

    private static String call(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + System.getProperty(CONTROL_PORT) + path))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
