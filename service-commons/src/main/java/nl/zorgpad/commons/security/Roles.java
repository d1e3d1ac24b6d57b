package nl.zorgpad.commons.security;

/**
 * The realm roles of the zorgpad realm, as the access token carries them ({@code realm_access.roles}). Constants, so
 * that {@code @RolesAllowed} and the use cases name a role the same way in every service.
 */
public final class Roles {

    /** A midwife practice (a person, or its practice software): refers and follows its own referrals. */
    public static final String MIDWIFE = "midwife";
    /** A receiving partner's staff (district team, or another partner kind): works the referrals addressed to it. */
    public static final String DISTRICT_TEAM = "district-team";
    /** A VSV coordinator: configures the region's partners and pathways. */
    public static final String VSV_ADMIN = "vsv-admin";
    /** A privacy officer: reads the access log. */
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Another zorgpad service calling with its own client credentials (referral-service resolving a route). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
