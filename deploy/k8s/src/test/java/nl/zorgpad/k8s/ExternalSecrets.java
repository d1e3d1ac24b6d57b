package nl.zorgpad.k8s;

import java.util.Map;
import java.util.Set;

/**
 * The Secrets the manifests name but do not contain: created by the operator of the installation (their secret
 * manager, cert-manager, or kubectl create secret), listed with their keys in deploy/k8s/README.md, "Secrets".
 * The one list the test accepts references to; it also checks that each one is used and that the README names it.
 */
final class ExternalSecrets {

    static final Set<String> BASIC_AUTH = Set.of("username", "password");
    static final Set<String> TLS = Set.of("tls.crt", "tls.key");

    /** Secret name to the keys it holds. */
    static final Map<String, Set<String>> ALL = Map.ofEntries(
            // kubernetes.io/basic-auth: the database roles, shared by the CloudNativePG cluster (which creates the
            // role with that password) and the service (which logs in with it).
            Map.entry("pathway-db-owner", BASIC_AUTH),
            Map.entry("pathway-db-application", BASIC_AUTH),
            Map.entry("referral-db-owner", BASIC_AUTH),
            Map.entry("referral-db-application", BASIC_AUTH),
            Map.entry("notification-db-owner", BASIC_AUTH),
            Map.entry("notification-db-application", BASIC_AUTH),
            Map.entry("keycloak-db-owner", BASIC_AUTH),
            // Environment variables of the applications (envFrom).
            Map.entry("pathway-service-secrets", Set.of("QUARKUS_OIDC_CREDENTIALS_SECRET")),
            Map.entry("referral-service-secrets", Set.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "REFERRAL_PSEUDONYM_KEY")),
            Map.entry("notification-service-secrets", Set.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_MAILER_HOST",
                    "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD")),
            Map.entry("console-secrets", Set.of("ZORGPAD_CONSOLE_CLIENT_SECRET", "ZORGPAD_CONSOLE_SESSION_SECRET")),
            // kubernetes.io/tls: the Ingresses' certificates.
            Map.entry("zorgpad-tls", TLS),
            Map.entry("login-tls", TLS));

    private ExternalSecrets() {
    }
}
