package jp.budgetledger.app.security.oidc;

import jp.budgetledger.app.logging.LogSafe;
import jp.budgetledger.app.security.LedgerUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * The ledger's side of an OpenID Connect provider, read from its issuer at start (the service does not start when the
 * issuer does not answer or is not configured fully): the client registration of the pages' authorization-code login
 * ({@value #REGISTRATION}, started at {@link #LOGIN}), the user service that makes the ledger user of an ID token, and
 * the decoder and converter of the API's bearer JWTs (signed with the issuer's keys, issued by it, for the ledger's
 * audience, unexpired; roles and departments from claims as {@link ClaimRights} says).
 */
public final class OidcSignIn {

    public static final String REGISTRATION = "ledger";
    /** Where a browser starts the provider's login. */
    public static final String LOGIN = "/oauth2/authorization/" + REGISTRATION;
    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");

    private final ClientRegistrationRepository registrations;
    private final JwtDecoder decoder;
    private final ClaimRights rights;

    private OidcSignIn(ClientRegistrationRepository registrations, JwtDecoder decoder, ClaimRights rights) {
        this.registrations = registrations;
        this.decoder = decoder;
        this.rights = rights;
    }

    /** The checked sign-in of {@code settings} (which must be {@link OidcSettings#enabled() enabled}). */
    public static OidcSignIn of(OidcSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalStateException("ledger.security.oidc.issuer-uri is empty");
        }
        if (settings.clientId() == null || settings.clientId().isBlank()) {
            throw new IllegalStateException("ledger.security.oidc: no client-id (the ledger's client at " + settings.issuerUri() + ")");
        }
        ClientRegistration registration;
        JwtDecoder decoder;
        try {
            registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri()).registrationId(REGISTRATION)
                    .clientId(settings.clientId()).clientSecret(settings.clientSecret()).scope(settings.scopes())
                    .userNameAttributeName("sub").build();
            decoder = JwtDecoders.fromIssuerLocation(settings.issuerUri());
        } catch (RuntimeException e) {
            throw new IllegalStateException("ledger.security.oidc: cannot read the configuration of issuer " + settings.issuerUri()
                    + ": " + e.getMessage() + " (the service does not start without its user source)", e);
        }
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token is not for " + settings.audience(), null));
        ((NimbusJwtDecoder) decoder).setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuerUri()), audience));
        log.info("User source: OpenID Connect issuer {} (client {}; pages sign in at {}, the API takes its bearer tokens; "
                        + "user name from {}, roles from {})", settings.issuerUri(), settings.clientId(), LOGIN, settings.usernameClaim(),
                settings.rolesClaim());
        return new OidcSignIn(new InMemoryClientRegistrationRepository(registration), decoder, new ClaimRights(settings));
    }

    public ClientRegistrationRepository registrations() {
        return registrations;
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /** A bearer token's ledger user; a token that gives no user or role is refused as an invalid token (401). */
    public Converter<Jwt, AbstractAuthenticationToken> bearer() {
        return jwt -> {
            ClaimRights.Claimed claimed = rights.of(jwt.getClaims())
                    .orElseThrow(() -> new InvalidBearerTokenException("the token gives no ledger user"));
            LedgerUser user = new LedgerUser(claimed.name(), "", claimed.roles(), claimed.departments(), claimed.displayName());
            PreAuthenticatedAuthenticationToken token = new PreAuthenticatedAuthenticationToken(user, jwt, user.getAuthorities());
            log.debug("Bearer token of {} accepted", LogSafe.text(user.getUsername()));
            return token;
        };
    }

    /** The pages' login: the ID token (checked by Spring Security) made into the ledger user, or the login refused. */
    public OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser signedIn = standard.loadUser(request);
            ClaimRights.Claimed claimed = rights.of(signedIn.getClaims())
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied", "no ledger user", null)));
            OidcLedgerUser user = new OidcLedgerUser(claimed, signedIn);
            log.info("Signed in {}{} from OpenID Connect with {} [request {}]", LogSafe.text(user.getUsername()),
                    user.displayName() == null ? "" : " (" + LogSafe.text(user.displayName()) + ")",
                    String.join(",", user.getAuthorities().stream().map(Object::toString).sorted().toList()), org.slf4j.MDC.get("requestId"));
            return user;
        };
    }
}
