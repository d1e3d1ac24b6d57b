package nl.zorgpad.console.security;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers on every page: a Content-Security-Policy that allows no inline script or style and no other origin (forms
 * may only go to the console itself and, for logout, to Keycloak), and no caching, because pages show client data.
 */
public class SecurityHeaders {

    private final String policy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        String keycloak = realmUrl.replaceFirst("^(https?://[^/]+).*$", "$1");
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; form-action 'self' " + keycloak + "; "
                + "frame-ancestors 'none'; base-uri 'none'";
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", policy);
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("Pragma", "no-cache");
    }
}
