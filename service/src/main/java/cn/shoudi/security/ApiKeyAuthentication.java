package cn.shoudi.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A department client signed in by its API key (header {@code X-Api-Key}). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final AccountPrincipal principal;

    ApiKeyAuthentication(AccountPrincipal principal) {
        super(principal.getAuthorities());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}
