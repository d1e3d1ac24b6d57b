package nl.zorgpad.commons.problem;

/**
 * Every kind of refusal the zorgpad services answer, with its one status and title: the same failure is the same
 * problem in every service. The {@code type} of the problem+json answer is {@code https://zorgpad.nl/problems/<slug>};
 * openapi/README.md lists them for integrators.
 *
 * <p>The general rule: input that cannot be read as the operation's input is 400, input that reads but breaks a
 * rule is 422, a version that is no longer current is 412, a state that does not allow the request is 409.
 */
public enum ProblemType {

    /** The request is not what the operation reads: a wrong content type, a malformed header or parameter. */
    BAD_REQUEST(400, "bad-request", "Bad request"),
    /** The body is not JSON, or a field has the wrong JSON type. */
    UNREADABLE(400, "unreadable", "Unreadable request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    /** The caller's role or organisation may not do this. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    /** Does not exist, or is not the caller's: the same answer for both, so foreign data cannot be probed. */
    NOT_FOUND(404, "not-found", "Not found"),
    /** The current state does not allow the request (e.g. a name that is taken). */
    CONFLICT(409, "conflict", "Conflict"),
    /** An open referral for the same client and partner already exists. */
    DUPLICATE(409, "duplicate", "An open referral already exists"),
    /** The status lifecycle does not allow this change. */
    ILLEGAL_TRANSITION(409, "illegal-transition", "This status change is not possible"),
    /** The client details are erased (consent withdrawn or retention passed). */
    DETAILS_ERASED(409, "details-erased", "The client details are erased"),
    /** Only a rejected referral can be re-routed. */
    NOT_REJECTED(409, "not-rejected", "Only a rejected referral can be re-routed"),
    ALREADY_REROUTED(409, "already-rerouted", "Already re-routed"),
    /** No other partner is left on the pathway. */
    NO_ALTERNATIVE(409, "no-alternative", "No alternative route left"),
    /** The If-Match version is not the current one: read again, then decide. */
    STALE(412, "stale", "Changed in the meantime"),
    /** The request must name the version it changes (If-Match). */
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match is required"),
    /** One or more fields break a rule; {@code errors} names them. */
    VALIDATION(422, "validation", "The request is not valid"),
    /** A rule across fields or resources is broken (e.g. a webhook address that is not allowed). */
    RULE_VIOLATION(422, "rule-violation", "Unprocessable request"),
    /** No pathway routes any of the signals in the client's area. */
    NO_ROUTE(422, "no-route", "No route for any signal"),
    /** pathway-service does not answer, so no route can be resolved; try again later. */
    PATHWAY_UNAVAILABLE(503, "pathway-unavailable", "Routes cannot be resolved right now"),
    /** The service's database cannot be reached; nothing was stored, try again later. */
    DATABASE_UNAVAILABLE(503, "database-unavailable", "The database cannot be reached right now"),
    SERVER_ERROR(500, "server-error", "Server error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
