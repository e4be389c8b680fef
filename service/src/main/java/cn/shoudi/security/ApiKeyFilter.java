package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Signs in an integration by the API key in header {@code X-Api-Key}, or as a bearer credential
 * ({@code Authorization: Bearer sd_…}, what Prometheus and most HTTP clients send without custom headers), checked by
 * {@link ApiKeyAuthenticator}. A key
 * that is unknown, expired or revoked, or whose account is disabled, is refused with 401 and audited as a failed
 * sign-in; without the header the request goes on to the other sign-in methods.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final AuditTrail audit;

    ApiKeyFilter(ApiKeyAuthenticator authenticator, AuditTrail audit) {
        this.authenticator = authenticator;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        if ((key == null || key.isBlank()) && authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            key = authorization.substring(BEARER.length());
        }
        if (key == null || key.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        ApiKeyAuthenticator.Outcome outcome = authenticator.check(key.trim());
        if (outcome instanceof ApiKeyAuthenticator.Refused refused) {
            audit.record(refused.username(), null, AuditTrail.Action.LOGIN_FAILED, request.getRequestURI(),
                    refused.outcome(), null, request.getRemoteAddr());
            SecurityErrors.write(response, 401, "unauthorized", "未登录或凭证无效", refused.message());
            return;
        }
        var accepted = (ApiKeyAuthenticator.Accepted) outcome;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(accepted.principal(), accepted.prefix()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
