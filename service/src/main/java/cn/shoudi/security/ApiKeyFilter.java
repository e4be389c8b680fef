package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Signs in a department client by the API key in header {@code X-Api-Key}: the key's SHA-256 must belong to an
 * enabled account. An unknown key is refused with 401 and audited; without the header the request goes on to the
 * other sign-in methods.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeyFilter(Accounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        var account = accounts.findByApiKeyHash(sha256(key.trim())).filter(Account::enabled);
        if (account.isEmpty()) {
            audit.record(null, null, AuditTrail.Action.LOGIN_FAILED, request.getRequestURI(), "BAD_API_KEY", null,
                    request.getRemoteAddr());
            SecurityErrors.write(response, 401, "unauthorized", "未登录或凭证无效", "API 密钥无效");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(new AccountPrincipal(account.get(), clock.instant())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
