package nl.zorgpad.stack.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;

/**
 * The check of {@code deploy/run --smoke}: each service answers a real token with 2xx and no token with 401, the
 * console's login leads to a page, and the guided tour, run as printed in a bash shell, takes its family round the loop: the referral reaches daan's live
 * inbox and the acceptance comes back to anna's practice.
 */
final class SmokeCheck {

    private static final Pattern REFERRAL_ID = Pattern.compile("(?m)^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
            + "[0-9a-f]{4}-[0-9a-f]{12})$");

    private SmokeCheck() {
    }

    static boolean run(LocalSystem system) {
        String token = DemoTokens.forUser("anna");
        boolean allGood = true;
        for (ZorgpadService service : ZorgpadService.values()) {
            String url = system.url(service) + service.smokePath();
            int withToken = ServiceProcess.status(url, token);
            int withoutToken = ServiceProcess.status(url, null);
            boolean good = withToken >= 200 && withToken < 300 && withoutToken == 401;
            allGood &= good;
            RunCommand.progress("smoke " + (good ? "OK  " : "FAIL") + " GET " + url + ": with anna's token "
                    + withToken + ", without token " + withoutToken);
        }
        if (system.consoleUrl() != null) {
            allGood &= console(system.consoleUrl());
        }
        allGood &= guidedTour(system);
        RunCommand.progress(allGood ? "Smoke check passed." : "Smoke check FAILED.");
        return allGood;
    }

    /**
     * The console sends a visitor without a session to Keycloak's login page, and daan, once logged in there, gets
     * his werkbak.
     */
    private static boolean console(String consoleUrl) {
        try {
            var anonymous = ConsoleSession.anonymous(consoleUrl, "/werkbak");
            String location = anonymous.headers().firstValue("Location").orElse("");
            boolean toLogin = anonymous.statusCode() == 302 && location.contains("/protocol/openid-connect/auth");
            RunCommand.progress("smoke " + (toLogin ? "OK  " : "FAIL") + " GET " + consoleUrl + "/werkbak without a "
                    + "session: " + anonymous.statusCode() + (toLogin ? " to Keycloak's login page" : " " + location));
            ConsoleSession.Page werkbak = ConsoleSession.login(consoleUrl, "/werkbak", "daan").get("/werkbak");
            boolean shown = werkbak.status() == 200 && werkbak.uri().toString().equals(consoleUrl + "/werkbak")
                    && werkbak.body().contains("<h1>Werkbak</h1>");
            RunCommand.progress("smoke " + (shown ? "OK  " : "FAIL") + " console: daan logged in through Keycloak "
                    + "and " + (shown ? "sees" : "does NOT see") + " his werkbak (" + werkbak.status() + " "
                    + werkbak.uri() + ")");
            return toLogin && shown;
        } catch (java.io.IOException e) {
            RunCommand.progress("smoke FAIL console did not answer: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the printed tour's commands in bash, a few seconds apart as a reader would, and checks what they show. */
    private static boolean guidedTour(LocalSystem system) {
        // Background jobs (the live inbox stream) are killed when the script ends, however it ends.
        StringBuilder script = new StringBuilder("trap 'kill $(jobs -p) 2>/dev/null' EXIT\n");
        for (GuidedTour.Step step : GuidedTour.steps(system)) {
            script.append(step.command()).append("\nsleep 3\n");
        }
        String output;
        Path log = null;
        try {
            // Output goes to a file, not a pipe: a pipe held open by a leftover background process would block a
            // reader forever, and the smoke check must end.
            log = Files.createTempFile("zorgpad-tour", ".log");
            Process bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            bash.getOutputStream().close();
            if (!bash.waitFor(90, TimeUnit.SECONDS)) {
                bash.descendants().forEach(ProcessHandle::destroyForcibly);
                bash.destroyForcibly();
                RunCommand.progress("smoke FAIL guided tour did not finish within 90 s");
            }
            output = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = "could not run bash: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans it up
                }
            }
        }
        Matcher id = REFERRAL_ID.matcher(output);
        String referralId = id.find() ? id.group(1) : null;
        List<String> lines = output.lines().toList();
        boolean reachedTeam = referralId != null
                && lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(referralId));
        boolean accepted = output.contains("\"status\":\"accepted\"");
        boolean answerBack = output.contains("\"eventType\":\"referral.accepted\"");
        boolean good = reachedTeam && accepted && answerBack;
        RunCommand.progress("smoke " + (good ? "OK  " : "FAIL") + " guided tour: referral " + referralId
                + (reachedTeam ? " reached" : " did NOT reach") + " daan's live inbox, "
                + (accepted ? "accepted" : "NOT accepted") + ", answer " + (answerBack ? "back" : "NOT back")
                + " in anna's inbox");
        if (!good) {
            System.out.println(output);
        }
        return good;
    }
}
