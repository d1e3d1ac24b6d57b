package nl.zorgpad.system;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** A district team's screen connected to its live inbox (Server-Sent Events): collects the data lines it gets. */
final class InboxStream implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile InputStream body;

    InboxStream(String user) {
        this(RunningSystem.url(ZorgpadService.NOTIFICATION), user);
    }

    /** The screen connected to one replica of notification-service, by its address. */
    InboxStream(String notificationServiceUrl, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notificationServiceUrl + "/api/inbox/stream"))
                .header("Authorization", "Bearer " + DemoTokens.forUser(user))
                .header("Accept", "text/event-stream").GET().build();
        reader = new Thread(() -> {
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // closed by the test
            }
        }, "inbox-stream-" + user);
        reader.setDaemon(true);
        reader.start();
    }

    boolean isConnected() {
        return lines.stream().anyMatch(line -> line.startsWith("event:") && line.contains("connected"));
    }

    boolean sawReferral(String referralId) {
        return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(referralId));
    }

    @Override
    public void close() throws Exception {
        if (body != null) {
            body.close();
        }
        reader.interrupt();
    }
}
