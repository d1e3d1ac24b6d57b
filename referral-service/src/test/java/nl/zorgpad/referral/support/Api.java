package nl.zorgpad.referral.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** Builders for handover requests and small REST helpers shared by the API tests. */
public final class Api {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoTokens.forUser(user)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPracticeSoftware() {
        return given().auth().oauth2(DemoTokens.forClient("practice-software-demo")).contentType(ContentType.JSON);
    }

    /** A unique, plausible client name, so tests do not trip the duplicate check on each other. */
    public static String uniqueName() {
        return "Meriam Test" + CLIENTS.incrementAndGet() + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Safe-contact rules: phone and home visits, a safe number, mornings on two days, no messages; mutable. */
    public static Map<String, Object> safeContact(String note) {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("days", new ArrayList<>(List.of("monday", "wednesday")));
        time.put("from", "09:00");
        time.put("until", "12:00");
        Map<String, Object> safe = new LinkedHashMap<>();
        safe.put("channels", new ArrayList<>(List.of("phone", "home-visit")));
        safe.put("phone", "06 87654321");
        safe.put("times", new ArrayList<>(List.of(time)));
        safe.put("noMessages", true);
        safe.put("note", note);
        return safe;
    }

    /** A valid handover request (mutable maps, so a test can break one field). */
    public static Map<String, Object> handover(String name, String... signals) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", name);
        client.put("birthDate", "2001-03-04");
        client.put("bsn", null);
        client.put("phone", "06 12345678");
        client.put("email", "client@example.org");
        client.put("postcode", "9203 AB");
        client.put("houseNumber", "12a");
        client.put("preferredLanguage", "nl");
        client.put("interpreterNeeded", false);
        client.put("literacyNote", "prefers spoken explanation");
        client.put("safeContact", safeContact("Only this number, never when her partner is home"));
        Map<String, Object> pregnancy = new LinkedHashMap<>();
        pregnancy.put("dueDate", LocalDate.now().plusMonths(4).toString());
        pregnancy.put("birthDate", null);
        pregnancy.put("vulnerability", "vulnerable");
        pregnancy.put("urgency", "routine");
        List<Map<String, Object>> signalList = new ArrayList<>();
        for (String signal : signals) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("code", signal);
            s.put("note", "Handover note about " + signal);
            signalList.add(s);
        }
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("givenBy", "client");
        consent.put("givenAt", "2026-11-20T09:30:00Z");
        consent.put("method", "verbal");
        consent.put("partnerKinds", new ArrayList<>(List.of("district-team")));
        consent.put("dataCategories", new ArrayList<>(List.of("identity", "contact", "signals", "safe-contact",
                "language")));
        Map<String, Object> referrer = new LinkedHashMap<>();
        referrer.put("name", "Anna Visser");
        referrer.put("role", "midwife");
        referrer.put("phone", "0512 123456");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", client);
        body.put("pregnancy", pregnancy);
        body.put("signals", signalList);
        body.put("consent", consent);
        body.put("referrer", referrer);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> part(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    /** Creates a handover as anna and returns the first referral id. */
    public static String createAsAnna(String... signals) {
        return as("anna").body(handover(uniqueName(), signals)).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
    }

    public static String etag(String user, String id) {
        return as(user).get("/api/referrals/" + id).then().statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse move(String user, String id, String status, String reasonCode,
                                           String reasonText, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("reasonCode", reasonCode);
        body.put("reasonText", reasonText);
        body.put("outcome", outcome);
        return as(user).header("If-Match", etag(user, id)).body(body).post("/api/referrals/" + id + "/status")
                .then();
    }

    /** Moves with whatever a move to that status needs. */
    public static ValidatableResponse moveWithDetails(String user, String id, String status) {
        return switch (status) {
            case "rejected", "cancelled", "on-hold", "failed" ->
                    move(user, id, status, "test-reason", "Reason given in a test", null);
            case "completed" -> move(user, id, status, null, null, "Debt plan agreed with the family");
            default -> move(user, id, status, null, null, null);
        };
    }

    /** A random BSN that passes the 11-check, so no other test's client shares it. */
    public static String unusedBsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += (9 - i) * digit;
            }
            int last = sum % 11;
            if (last < 10 && sum - last != 0) {
                return digits.append(last).toString();
            }
        }
    }
}
