package nl.zorgpad.stack.run;

import java.util.List;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.ZorgpadService;

/** What the run command prints once everything is up: where to go, who to be, what to try. */
final class Welcome {

    private Welcome() {
    }

    static void print(LocalSystem system) {
        LocalStack stack = system.stack();
        StringBuilder text = new StringBuilder("\n  zorgpad is running. Ctrl-C stops everything.\n\n");
        if (system.consoleUrl() != null) {
            text.append("  In the browser: open ").append(system.consoleUrl())
                    .append(" and log in as daan (district team), anna (midwife), vera (VSV) or pim (privacy).\n\n");
            text.append(String.format("  %-22s %s%n", "console", system.consoleUrl()));
        }
        for (ZorgpadService service : ZorgpadService.values()) {
            text.append(String.format("  %-22s %s/q/swagger-ui%n", service.module(), system.url(service)));
            List<String> replicas = system.replicaUrls(service);
            for (int i = 0; i < replicas.size(); i++) {
                text.append(String.format("  %-22s %s/q/swagger-ui%n", service.module() + "-" + (i + 2),
                        replicas.get(i)));
            }
        }
        text.append(String.format("  %-22s %s (admin console: admin / admin, demo only)%n", "Keycloak",
                stack.keycloakUrl()));
        text.append(String.format("  %-22s %s%n%n", "Kafka", stack.kafkaBootstrapServers()));
        text.append("  Demo users (password = user name, demo only):\n");
        for (String[] user : RunCommand.DEMO_USERS) {
            text.append(String.format("    %-5s %-16s %s%n", user[0], user[1], user[2]));
        }
        text.append('\n').append(GuidedTour.text(system));
        System.out.println(text);
    }
}
