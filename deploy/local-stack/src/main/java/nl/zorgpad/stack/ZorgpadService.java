package nl.zorgpad.stack;

/** The three services of the system: their module, database, local port and the API path the smoke check calls. */
public enum ZorgpadService {
    PATHWAY("pathway-service", "pathway", 8081, "/api/signal-types"),
    REFERRAL("referral-service", "referral", 8082, "/api/referrals"),
    NOTIFICATION("notification-service", "notification", 8083, "/api/inbox");

    private final String module;
    private final String database;
    private final int localPort;
    private final String smokePath;

    ZorgpadService(String module, String database, int localPort, String smokePath) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
        this.smokePath = smokePath;
    }

    public String module() {
        return module;
    }

    /** The Keycloak client of the service has the same name as its module. */
    public String clientId() {
        return module;
    }

    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }

    public String smokePath() {
        return smokePath;
    }

    public static ZorgpadService byModule(String module) {
        for (ZorgpadService service : values()) {
            if (service.module.equals(module)) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown service " + module);
    }
}
