package nl.zorgpad.referral.rest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

/** A body announced larger than the limit (10 MiB by default) is refused before it is read, as problem+json. */
@QuarkusTest
class BodyLimitProblemTest {

    @TestHTTPResource("/api/referrals")
    URL referrals;

    @Test
    void anOversizedBodyIsAProblemNotAnEmpty413() throws IOException {
        try (Socket socket = new Socket(referrals.getHost(), referrals.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + referrals.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + DemoTokens.forUser("anna") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 413"));
            assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
            assertThat(answer, containsString("\"status\":413"));
        }
    }
}
