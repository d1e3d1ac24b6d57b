package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import nl.zorgpad.pathway.Fixtures;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests the REST layer cannot read (found by sending scanner-style headers to a running system) are refused as
 * problem+json, never with a 500 or Quarkus' generic error body. Sent over a raw socket, so no client library
 * repairs the header first.
 */
@QuarkusTest
class MalformedRequestTest {

    private static final String COVERAGE = "/api/regions/" + VERA_REGION + "/coverage";

    @TestHTTPResource("/")
    URL server;

    @BeforeEach
    void data() {
        Fixtures.regions();
    }

    @Test
    void aBodyWhoseContentTypeIsNoMediaTypeIsA400ProblemNamingTheHeader() throws IOException {
        String body = "{\"postcode\":\"9203AB\"}";
        String answer = send("POST /api/routes/resolve HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + DemoTokens.forUser("anna") + "\r\nContent-Type: blah\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer, startsWith("HTTP/1.1 400"));
        assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
        assertThat(answer, containsString("\"field\":\"Content-Type\""));
    }

    @Test
    void aContentTypeThatIsNoMediaTypeOnARequestWithoutBodyIsIgnoredNotA500() throws IOException {
        // The coverage resource produces two media types, so the REST layer would parse the request's Content-Type.
        String answer = send("GET " + COVERAGE + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + DemoTokens.forUser("vera") + "\r\nContent-Type: blah\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 200"));
    }

    @Test
    void aHostHeaderThatIsNoHostIsA400Problem() throws IOException {
        String answer = send("GET /api/signal-types HTTP/1.1\r\nHost: ZAP%n%s%n%s\r\n"
                + "Authorization: Bearer " + DemoTokens.forUser("anna") + "\r\nConnection: close\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 400"));
        assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
        assertThat(answer, containsString("\"title\":\"Bad request\""));
        assertThat(answer, containsString("\"detail\":\"The Host header is missing or not a valid host\""));
        assertThat(answer, not(containsString("Error id")));
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
