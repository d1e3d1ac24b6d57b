package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralEventConsumerTest {

    private static KafkaCompanion kafka;

    @BeforeAll
    static void connect() {
        kafka = ReferralEvents.companion();
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRequestedReferralReachesThePartnersInboxAndNotThePractices() {
        String referral = ReferralEvents.newReferralId();
        ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxReferrals("daan").contains(referral));
        assertThat(Api.inboxReferrals("anna"), not(hasItem(referral)));
        assertThat(Api.inboxReferrals("eva"), not(hasItem(referral)));
    }

    @Test
    void anAcceptedReferralReachesTheReferringPracticeOnly() {
        String referral = ReferralEvents.newReferralId();
        ReferralEvents.send(kafka, "referral.accepted", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxReferrals("anna").contains(referral));
        assertThat(Api.inboxReferrals("daan"), not(hasItem(referral)));
    }

    @Test
    void anOverdueReferralReachesBothSides() {
        String referral = ReferralEvents.newReferralId();
        ReferralEvents.send(kafka, "referral.overdue", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxReferrals("anna").contains(referral)
                && Api.inboxReferrals("daan").contains(referral));
    }

    @Test
    void aRedeliveredEventCreatesNoSecondInboxItem() {
        String referral = ReferralEvents.newReferralId();
        String eventId = UUID.randomUUID().toString();
        String event = ReferralEvents.json(eventId, "referral.requested", referral, DAAN_ORG, ANNA_ORG);
        ReferralEvents.sendRaw(kafka, referral, event);
        ReferralEvents.sendRaw(kafka, referral, event);
        // Same key, same partition: once this later event is in, both copies before it have been consumed.
        ReferralEvents.send(kafka, "referral.cancelled", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxItemIds("daan", referral).size() >= 2);
        assertThat(Api.inboxItemIds("daan", referral), hasSize(2));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() {
        String referral = ReferralEvents.newReferralId();
        String notJson = "not json " + UUID.randomUUID();
        String noData = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"referral.requested\"}";
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics(ReferralEvents.DLQ);
        try {
            ReferralEvents.sendRaw(kafka, referral, notJson);
            ReferralEvents.sendRaw(kafka, referral, noData);
            ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

            await().atMost(Duration.ofSeconds(20)).until(() -> Api.inboxReferrals("daan").contains(referral));
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.getRecords().stream()
                    .map(ConsumerRecord::value).filter(v -> v.equals(notJson) || v.equals(noData)).count() == 2);
            assertThat(deadLetters.getRecords().stream().filter(r -> r.value().equals(notJson)).findFirst()
                    .orElseThrow().key(), equalTo(referral));
        } finally {
            deadLetters.close();
        }
    }
}
