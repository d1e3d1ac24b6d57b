package nl.zorgpad.referral.service;

import java.util.Set;

/**
 * Who is calling: user (or client) id, organisation, roles, and on whose behalf (the user of practice software, or
 * the user themself).
 */
public record Caller(String userId, String organisationId, Set<String> roles, String onBehalfOf) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
