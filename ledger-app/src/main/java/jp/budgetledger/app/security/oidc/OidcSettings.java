package jp.budgetledger.app.security.oidc;

import jp.budgetledger.app.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ledger.security.oidc}: sign-in through an OpenID Connect provider, in use when {@code issuerUri} is set. The
 * provider's configuration (endpoints, keys) is read from the issuer at start.
 *
 * @param issuerUri         the issuer ({@code iss}) whose {@code /.well-known/openid-configuration} describes it
 * @param clientId          the ledger's client at the provider (the pages' login); also the audience a bearer token must name
 * @param clientSecret      its secret, from the environment ({@code LEDGER_SECURITY_OIDC_CLIENT_SECRET})
 * @param scopes            asked at login (default openid, profile)
 * @param audience          the audience ({@code aud}) a bearer token must name (default: {@code clientId})
 * @param usernameClaim     the stable user name recorded as the actor (default {@code preferred_username})
 * @param displayNameClaim  the name kept beside it (default {@code name})
 * @param rolesClaim        the claim listing the user's roles or groups (default {@code roles})
 * @param roleValues        a value of that claim → the roles it gives; empty: values naming a role (OFFICER, …) give it
 * @param departmentsClaim  the claim listing the departments an officer may change ({@code *}: every department); when
 *                          set, an officer or approver without one is refused; unset: officers act for every department
 */
@ConfigurationProperties("ledger.security.oidc")
public record OidcSettings(String issuerUri, String clientId, String clientSecret, List<String> scopes, String audience,
                           String usernameClaim, String displayNameClaim, String rolesClaim,
                           Map<String, List<Role>> roleValues, String departmentsClaim) {

    public OidcSettings {
        issuerUri = blank(issuerUri) ? null : issuerUri.strip();
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
        audience = blank(audience) ? clientId : audience;
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
        displayNameClaim = blank(displayNameClaim) ? "name" : displayNameClaim;
        rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
        Map<String, List<Role>> values = new LinkedHashMap<>();
        if (roleValues != null) {
            roleValues.forEach((value, roles) -> values.put(value, roles == null ? List.of() : List.copyOf(roles)));
        }
        roleValues = values;
        departmentsClaim = blank(departmentsClaim) ? null : departmentsClaim;
    }

    /** Whether the provider is a user source. */
    public boolean enabled() {
        return issuerUri != null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
