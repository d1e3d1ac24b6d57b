package nl.zorgpad.pathway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds rules that can never be the first match because an earlier rule covers every case they cover. */
public final class RuleShadowing {

    private RuleShadowing() {
    }

    /** Rule {@code rule} (0-based) is shadowed by the earlier rule {@code by}. */
    public record Shadow(int rule, int by) {
    }

    public static List<Shadow> find(List<RouteRule> rules, Map<String, String> municipalityOfPostcode) {
        List<Shadow> shadows = new ArrayList<>();
        for (int j = 1; j < rules.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (covers(rules.get(i).when(), rules.get(j).when(), municipalityOfPostcode)) {
                    shadows.add(new Shadow(j, i));
                    break;
                }
            }
        }
        return shadows;
    }

    /** Whether every case matched by {@code narrow} is also matched by {@code broad}. */
    static boolean covers(Conditions broad, Conditions narrow, Map<String, String> municipalityOfPostcode) {
        return coversArea(broad, narrow, municipalityOfPostcode)
                && coversList(broad.phases(), narrow.phases())
                && coversList(broad.vulnerabilities(), narrow.vulnerabilities())
                && coversList(broad.urgencies(), narrow.urgencies())
                && (broad.minAge() == null || (narrow.minAge() != null && narrow.minAge() >= broad.minAge()))
                && (broad.maxAge() == null || (narrow.maxAge() != null && narrow.maxAge() <= broad.maxAge()));
    }

    private static boolean coversArea(Conditions broad, Conditions narrow, Map<String, String> municipalityOfPostcode) {
        if (broad.regionWide()) {
            return true;
        }
        if (narrow.regionWide()) {
            return false;
        }
        return broad.municipalities().containsAll(narrow.municipalities())
                && narrow.postcodes().stream().allMatch(pc -> broad.postcodes().contains(pc)
                    || broad.municipalities().contains(municipalityOfPostcode.get(pc)));
    }

    private static <T> boolean coversList(List<T> broad, List<T> narrow) {
        return broad.isEmpty() || (!narrow.isEmpty() && broad.containsAll(narrow));
    }
}
