package nl.zorgpad.stack.run;

import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** The check of {@code deploy/run --smoke}: each service answers a real token with 2xx and no token with 401. */
final class SmokeCheck {

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
        RunCommand.progress(allGood ? "Smoke check passed." : "Smoke check FAILED.");
        return allGood;
    }
}
