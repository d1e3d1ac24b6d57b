package nl.zorgpad.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.postgres.PostgresServer;
import nl.zorgpad.stack.process.Ports;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the real stack once and checks what the services rely on, then that stopping leaves nothing behind. */
class LocalStackTest {

    private static LocalStack stack;
    private static LocalStack.StackPorts ports;

    @BeforeAll
    static void startStack() {
        ports = LocalStack.StackPorts.random();
        Path folder = Path.of("target", "local-stack-test").toAbsolutePath();
        stack = LocalStack.start(StackLayout.locate(), folder, ports, PostgresServer.Durability.DURABLE,
                System.out::println);
    }

    @AfterAll
    static void stopStackAndCheckNothingIsLeft() {
        stack.close();
        for (int port : List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.keycloak())) {
            assertFalse(Ports.isListening(port), "port " + port + " still listening after stop");
        }
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "child processes left after stop");
    }

    @Test
    void eachServiceHasItsOwnDatabaseWithAnApplicationRoleThatCannotChangeTheSchema() throws SQLException {
        for (ZorgpadService service : ZorgpadService.values()) {
            Map<String, String> config = stack.configFor(service);
            try (Connection app = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
                ResultSet database = app.createStatement().executeQuery("SELECT current_database()");
                database.next();
                assertEquals(service.database(), database.getString(1));
                assertThrows(SQLException.class, () -> app.createStatement().execute("CREATE TABLE sneaky (id int)"));
            }
        }
    }

    @Test
    void aDurableServerFlushesEveryCommitToDisk() {
        assertEquals("on", stack.postgresSetting("fsync"));
        assertEquals("on", stack.postgresSetting("synchronous_commit"));
    }

    @Test
    void kafkaAcceptsRecordsAndKeepsThemOverARestart() throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", stack.kafkaBootstrapServers());
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        properties.put("max.block.ms", "30000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            RecordMetadata first = producer.send(new ProducerRecord<>("stack-check", "k", "v1")).get(30, TimeUnit.SECONDS);
            stack.stopKafka();
            assertFalse(Ports.isListening(ports.kafka()));
            stack.startKafka();
            RecordMetadata second = producer.send(new ProducerRecord<>("stack-check", "k", "v2")).get(60, TimeUnit.SECONDS);
            assertEquals(first.partition(), second.partition());
            assertEquals(first.offset() + 1, second.offset(), "the broker kept its log over the restart");
        }
    }

    @Test
    void keycloakIssuesTokensWithOrganisationRoleAndAudiences() {
        String anna = claims(DemoTokens.forUser("anna"));
        assertTrue(anna.contains("\"org_id\":\"practice-de-wieken\""), anna);
        assertTrue(anna.contains("\"midwife\""), anna);
        for (ZorgpadService service : ZorgpadService.values()) {
            assertTrue(anna.contains("\"" + service.clientId() + "\""), "audience " + service.clientId() + " in " + anna);
        }
        assertTrue(claims(DemoTokens.forUser("eva")).contains("\"org_id\":\"partner-gebiedsteam-opsterland\""));
        assertTrue(claims(DemoTokens.forUser("wim")).contains("\"org_id\":\"region-heerenveen\""));

        String practiceSoftware = claims(DemoTokens.forClient("practice-software-demo"));
        assertTrue(practiceSoftware.contains("\"org_id\":\"practice-de-wieken\""), practiceSoftware);
        assertTrue(practiceSoftware.contains("\"midwife\""), practiceSoftware);

        String service = claims(DemoTokens.forClient("referral-service"));
        assertTrue(service.contains("\"service\""), service);
        assertTrue(service.contains("\"pathway-service\""), service);
    }

    @Test
    void keycloakRefusesAWrongPassword() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DemoTokens.forUser("nobody-" + System.nanoTime()));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

}
