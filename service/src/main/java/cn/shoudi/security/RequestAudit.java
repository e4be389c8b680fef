package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import cn.shoudi.Viewer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Audits every write (POST, PUT, PATCH, DELETE) and every export (XLSX and workbook downloads) with the account, the
 * request and its status, after the request has been handled; a request signed in by an API key names the key's
 * prefix as detail. Sign-ins are audited by {@link AccountDetails} and {@link ApiKeyFilter}.
 */
final class RequestAudit extends OncePerRequestFilter {

    private final AuditTrail audit;

    RequestAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            AuditTrail.Action action = action(request);
            if (action != null && !"/login".equals(request.getRequestURI())) {
                Viewer v = Viewer.current();
                String target = request.getMethod() + " " + request.getRequestURI()
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                String key = SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication k
                        ? "api-key " + k.prefix() : null;
                audit.record(v == Viewer.SYSTEM ? null : v.username(), v == Viewer.SYSTEM ? null : v.role(), action,
                        target, String.valueOf(response.getStatus()), key, request.getRemoteAddr());
            }
        }
    }

    private static AuditTrail.Action action(HttpServletRequest r) {
        String m = r.getMethod();
        if ("POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) || "DELETE".equals(m)) {
            return AuditTrail.Action.WRITE;
        }
        String path = r.getRequestURI();
        if ("GET".equals(m) && (path.endsWith("xlsx") || path.contains("/files/"))) {
            return AuditTrail.Action.EXPORT;
        }
        return null;
    }
}
