package cn.shoudi.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An integration signed in by one of its account's API keys (header {@code X-Api-Key}). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final AccountPrincipal principal;
    private final String prefix;

    ApiKeyAuthentication(AccountPrincipal principal, String prefix) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.prefix = prefix;
        setAuthenticated(true);
    }

    /** The first characters of the key, to tell in the audit trail which of the account's keys was used. */
    String prefix() {
        return prefix;
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
