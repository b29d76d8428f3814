package jp.budgetledger.app.security.oidc;

import jp.budgetledger.app.security.LedgerUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Map;

/** A ledger user signed in on the pages through the OpenID Connect provider, with the ID token it came with. */
public class OidcLedgerUser extends LedgerUser implements OidcUser {

    private final OidcUser signedIn;

    OidcLedgerUser(ClaimRights.Claimed claimed, OidcUser signedIn) {
        super(claimed.name(), "", claimed.roles(), claimed.departments(), claimed.displayName());
        this.signedIn = signedIn;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedIn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedIn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedIn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedIn.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
