package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class EmailDeliveryTest {

    /** A real SMTP server on the port the test profile gives the mailer. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private static KafkaCompanion kafka;

    @BeforeAll
    static void connect() {
        kafka = ReferralEvents.companion();
    }

    @AfterEach
    void unsubscribe() {
        Api.as("anna").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + ANNA_ORG)
                .then().statusCode(200);
        Api.unsubscribeAll("daan", DAAN_ORG);
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void thePartnerGetsAShortDutchEmailWithALinkAndNoClientDetails() throws Exception {
        Api.as("daan").contentType(ContentType.JSON).body("""
                {"emails":[{"address":"intake@wijkteam.example.nl","eventTypes":["referral.requested"]}]}""")
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200);
        String referral = ReferralEvents.newReferralId();
        ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        MimeMessage mail = awaitMailAbout(referral, "intake@wijkteam.example.nl");
        String body = mail.getContent().toString();
        assertThat(mail.getSubject(), equalTo("Zorgpad: Nieuwe verwijzing"));
        assertThat(body, containsString("Er staat een nieuwe verwijzing voor u klaar."));
        assertThat(body, containsString("http://localhost:8080/verwijzingen/" + referral));
        assertNoClientDetails(body);

        Api.as("daan").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].channel", equalTo("email"))
                .body("items[0].status", equalTo("delivered"));
    }

    @Test
    void theReferringPracticeHearsWhatBecameOfItsReferral() throws Exception {
        Api.as("anna").contentType(ContentType.JSON).body("""
                {"emails":[{"address":"balie@dewieken.example.nl",
                            "eventTypes":["referral.accepted","referral.completed"]}]}""")
                .put("/api/subscriptions/" + ANNA_ORG).then().statusCode(200);
        String referral = ReferralEvents.newReferralId();
        ReferralEvents.send(kafka, "referral.accepted", referral, DAAN_ORG, ANNA_ORG);

        MimeMessage mail = awaitMailAbout(referral, "balie@dewieken.example.nl");
        String body = mail.getContent().toString();
        assertThat(mail.getSubject(), equalTo("Zorgpad: Verwijzing geaccepteerd"));
        assertThat(body, containsString("Uw verwijzing is geaccepteerd door "));
        assertNoClientDetails(body);
    }

    private static MimeMessage awaitMailAbout(String referral, String to) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(referral, to) != null);
        return find(referral, to);
    }

    private static MimeMessage find(String referral, String to) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            List<String> recipients = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).toList();
            if (recipients.contains(to) && message.getContent().toString().contains(referral)) {
                return message;
            }
        }
        return null;
    }

    private static void assertNoClientDetails(String body) {
        for (String field : List.of("financial-debt", "signalCodes", "reasonCode", "acknowledgeDeadline",
                "2026-12-01", "bsn", "clientName", "birthDate")) {
            assertThat(body, not(containsString(field)));
        }
    }
}
