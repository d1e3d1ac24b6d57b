package nl.zorgpad.pathway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.time.TimeZoneProducer;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test data shared by the @QuarkusTests: the two demo regions and helpers to add partners and pathways. */
public final class Fixtures {

    public static final String VERA_REGION = "region-zuidoost-friesland";
    public static final String WIM_REGION = "region-heerenveen";

    private Fixtures() {
    }

    /** Today where the service decides the phase: for an hour or two around midnight the Dutch date is not UTC's. */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of(ConfigProvider.getConfig().getValue(TimeZoneProducer.PROPERTY, String.class)));
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoTokens.forUser(user)).contentType(ContentType.JSON);
    }

    /** Puts both regions in place (idempotent, so every test class may call it). */
    public static void regions() {
        as("vera").body(Map.of("name", "VSV Zuidoost-Friesland", "municipalities", List.of(
                        Map.of("code", "GM0090", "name", "Smallingerland",
                                "postcodes", List.of("9200", "9201", "9202", "9203", "9204", "9207")),
                        Map.of("code", "GM0086", "name", "Opsterland",
                                "postcodes", List.of("8401", "8402", "8403", "9241", "9243")),
                        Map.of("code", "GM0085", "name", "Ooststellingwerf",
                                "postcodes", List.of("8421", "8422", "8423", "8424")))))
                .put("/api/regions/" + VERA_REGION).then().statusCode(200);
        as("wim").body(Map.of("name", "VSV Heerenveen e.o.", "municipalities", List.of(
                        Map.of("code", "GM0074", "name", "Heerenveen",
                                "postcodes", List.of("8441", "8442", "8443", "8444", "8445", "8446", "8447")))))
                .put("/api/regions/" + WIM_REGION).then().statusCode(200);
    }

    /** Adds a partner to vera's region with one contact point "intake", unless it exists. */
    public static void partner(String id, String kind, List<String> municipalities, String status) {
        partner("vera", VERA_REGION, id, kind, municipalities, status);
    }

    public static void partner(String user, String region, String id, String kind, List<String> municipalities,
                               String status) {
        int code = as(user).body(partnerBody(id, "Partner " + id, kind, municipalities, status))
                .post("/api/regions/" + region + "/partners").then().extract().statusCode();
        if (code != 201 && code != 409) {
            throw new AssertionError("Creating partner " + id + " answered " + code);
        }
    }

    public static Map<String, Object> partnerBody(String id, String name, String kind, List<String> municipalities,
                                                  String status) {
        return Map.of("id", id, "name", name, "kind", kind,
                "contactPoints", List.of(Map.of("id", "intake", "name", "Intake", "phone", "0512 000 000",
                        "email", "intake@example.org", "openingHours", "ma-vr 9:00-17:00")),
                "municipalities", municipalities, "languages", List.of("nl", "fy"), "interpreterSupport", true,
                "capacity", "waitlist".equals(status) ? Map.of("status", status, "waitlistWeeks", 3)
                        : Map.of("status", status));
    }

    public static Map<String, Object> rule(Map<String, Object> when, String partnerId, String instruction) {
        return Map.of("when", when, "target", Map.of("partnerId", partnerId, "contactPointId", "intake"),
                "instruction", instruction, "responseTargetWorkingDays", Map.of("routine", 5, "urgent", 1));
    }

    /** Creates a pathway as draft v1 and publishes it from 2026-01-01; returns its id. */
    public static String publishedPathway(String signalType, List<Map<String, Object>> rules) {
        String id = as("vera").body(Map.of("signalType", signalType, "rules", rules))
                .post("/api/regions/" + VERA_REGION + "/pathways").then().statusCode(201).extract().path("id");
        as("vera").body(Map.of("effectiveFrom", "2026-01-01"))
                .post("/api/regions/" + VERA_REGION + "/pathways/" + id + "/versions/1/publish")
                .then().statusCode(200);
        return id;
    }
}
