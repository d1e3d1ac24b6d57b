package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.console.client.NotificationApi;
import nl.zorgpad.console.client.ReferralApi;
import nl.zorgpad.console.client.Referrals.Page;
import nl.zorgpad.console.client.Referrals.Summary;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The district team's werkbak: the referrals addressed to the team, updated live from the inbox stream. */
@Path("/werkbak")
@RolesAllowed(Role.DISTRICT_TEAM_NAME)
public class WerkbakPage {

    /** The API pages at most 100 referrals; a werkbak shows up to 500. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance werkbak(Werkbak werkbak);

        static native TemplateInstance werkbak$list(Werkbak werkbak);
    }

    private final ReferralApi referrals;
    private final NotificationApi notifications;
    private final Pages pages;

    WerkbakPage(@RestClient ReferralApi referrals, @RestClient NotificationApi notifications, Pages pages) {
        this.referrals = referrals;
        this.notifications = notifications;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return pages.show(Templates.werkbak(load()));
    }

    /** The list alone, for htmx to swap in when the stream says something changed. */
    @GET
    @Path("/lijst")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return pages.show(Templates.werkbak$list(load()));
    }

    /**
     * One event per change in the team's inbox (a new referral, a cancellation), without any content: the page
     * then fetches its list again. The notification-service stream is read with the user's own token.
     */
    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> live() {
        return notifications.stream().map(event -> "changed");
    }

    private Werkbak load() {
        List<Summary> all = new ArrayList<>();
        long total = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<Summary> batch = referrals.list(null, page, PAGE_SIZE);
            all.addAll(batch.items());
            total = batch.total();
            if (all.size() >= total || batch.items().size() < PAGE_SIZE) {
                break;
            }
        }
        return Werkbak.of(all, total);
    }
}
