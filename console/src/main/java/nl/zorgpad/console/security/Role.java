package nl.zorgpad.console.security;

/** The realm roles of the people who use the console, as the services know them. */
public enum Role {
    MIDWIFE("midwife"),
    DISTRICT_TEAM("district-team"),
    VSV_ADMIN("vsv-admin"),
    PRIVACY_OFFICER("privacy-officer");

    public static final String MIDWIFE_NAME = "midwife";
    public static final String DISTRICT_TEAM_NAME = "district-team";
    public static final String VSV_ADMIN_NAME = "vsv-admin";
    public static final String PRIVACY_OFFICER_NAME = "privacy-officer";

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }
}
