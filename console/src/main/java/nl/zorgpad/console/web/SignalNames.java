package nl.zorgpad.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.console.client.PathwayApi;
import nl.zorgpad.console.client.Pathways.SignalType;
import nl.zorgpad.console.i18n.Locales;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The signal catalogue as the user's region sees it, read at most once per page ({@code inject:signals}). When
 * pathway-service cannot be reached a page still shows, with the signal codes instead of their names.
 */
@RequestScoped
@Named("signals")
public class SignalNames {

    private static final Logger LOG = Logger.getLogger(SignalNames.class);

    private final PathwayApi pathways;
    private final Locales locales;
    private Map<String, SignalType> catalogue;

    SignalNames(@RestClient PathwayApi pathways, Locales locales) {
        this.pathways = pathways;
        this.locales = locales;
    }

    public List<SignalType> getAll() {
        return List.copyOf(catalogue().values());
    }

    public String label(String code) {
        return find(code).map(s -> s.label(locales.current().getLanguage())).orElse(code);
    }

    public String explanation(String code) {
        return find(code).map(s -> s.explanation(locales.current().getLanguage())).orElse("");
    }

    private Optional<SignalType> find(String code) {
        return Optional.ofNullable(catalogue().get(code));
    }

    private Map<String, SignalType> catalogue() {
        if (catalogue == null) {
            catalogue = new LinkedHashMap<>();
            try {
                pathways.signalTypes().forEach(s -> catalogue.put(s.code(), s));
            } catch (RuntimeException e) {
                LOG.warnf("The signal catalogue could not be read: %s", e.getClass().getSimpleName());
            }
        }
        return catalogue;
    }
}
