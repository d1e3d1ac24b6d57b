package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
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
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(15);

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

    /**
     * The first page says how many referrals there are; the remaining pages are then fetched side by side, so a
     * full werkbak waits for about two list calls instead of five.
     */
    private Werkbak load() {
        Page<Summary> first = referrals.list(null, 0, PAGE_SIZE);
        int pages = (int) Math.min(MAX_PAGES, (first.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Summary> all = new ArrayList<>(first.items());
        if (pages > 1 && first.items().size() == PAGE_SIZE) {
            List<Uni<Page<Summary>>> rest = new ArrayList<>();
            for (int page = 1; page < pages; page++) {
                rest.add(referrals.listLater(null, page, PAGE_SIZE));
            }
            List<Page<Summary>> later = Uni.join().all(rest).andFailFast().await().atMost(LIST_TIMEOUT);
            later.forEach(page -> all.addAll(page.items()));
        }
        return Werkbak.of(all, first.total());
    }
}
