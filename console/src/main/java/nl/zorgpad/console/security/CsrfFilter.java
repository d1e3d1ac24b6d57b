package nl.zorgpad.console.security;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import nl.zorgpad.console.web.Pages;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every request that changes something (every method but GET and HEAD) must carry the session's CSRF token: in the
 * form field {@code _csrf} of a plain form post, or in the {@code X-CSRF-Token} header of an htmx request. Without
 * it the request is refused with 403 before any service is called.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final CsrfTokens tokens;
    private final ConsoleUser user;
    private final Pages pages;

    CsrfFilter(CsrfTokens tokens, ConsoleUser user, Pages pages) {
        this.tokens = tokens;
        this.user = user;
        this.pages = pages;
    }

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String presented = request.getHeaderString(CsrfTokens.HEADER);
        if (presented == null) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(CsrfTokens.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (!user.isLoggedIn() || !tokens.matches(user.getSessionId(), presented)) {
            request.abortWith(pages.error(Response.Status.FORBIDDEN, "csrf"));
        }
    }
}
