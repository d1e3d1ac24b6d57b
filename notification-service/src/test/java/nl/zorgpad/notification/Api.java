package nl.zorgpad.notification;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** Small helpers for calling the API as a demo user. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoTokens.forUser(user));
    }

    /** Referral ids in the first 100 inbox items of the user's organisation. */
    public static List<String> inboxReferrals(String user) {
        return as(user).queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items.referralId", String.class);
    }

    public static List<String> inboxItemIds(String user, String referralId) {
        return as(user).queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.referralId == '" + referralId + "' }.id",
                        String.class);
    }

    /**
     * The value of {@code zorgpad_notification_deliveries_total{channel, outcome}} on {@code /q/metrics}; 0 while the
     * counter does not exist yet.
     */
    public static double deliveriesCounted(String channel, String outcome) {
        Pattern line = Pattern.compile("^zorgpad_notification_deliveries_total\\{channel=\"" + channel
                + "\",outcome=\"" + outcome + "\"[^}]*} (\\S+)$", Pattern.MULTILINE);
        Matcher value = line.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    /** A webhook-only subscription body. */
    public static String webhookSubscription(String url, String secret, String... eventTypes) {
        return """
                {"webhooks":[{"url":"%s","secret":"%s","eventTypes":[%s]}]}"""
                .formatted(url, secret, quoted(eventTypes));
    }

    /** Replaces the organisation's subscriptions with one webhook for these event types, as {@code user}. */
    public static void subscribeWebhook(String user, String organisation, String url, String secret,
                                        String... eventTypes) {
        as(user).contentType(ContentType.JSON).body(webhookSubscription(url, secret, eventTypes))
                .put("/api/subscriptions/" + organisation).then().statusCode(200);
    }

    /** Removes every subscription of the organisation, as {@code user}: what a test leaves behind. */
    public static void unsubscribeAll(String user, String organisation) {
        as(user).contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + organisation)
                .then().statusCode(200);
    }

    public static String quoted(String... values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList());
    }
}
