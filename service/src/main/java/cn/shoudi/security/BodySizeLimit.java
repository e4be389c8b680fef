package cn.shoudi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies larger than the limit with 413 before they are read: JSON lines (a department's batch of
 * signals) have a larger limit of their own; file uploads (multipart) have theirs ({@code spring.servlet.multipart.*}).
 */
final class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxJsonLinesBytes;

    BodySizeLimit(long maxBytes, long maxJsonLinesBytes) {
        this.maxBytes = maxBytes;
        this.maxJsonLinesBytes = maxJsonLinesBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        String lower = type == null ? "" : type.toLowerCase();
        boolean multipart = lower.startsWith("multipart/");
        long limit = lower.startsWith("application/x-ndjson") ? maxJsonLinesBytes : maxBytes;
        if (!multipart && request.getContentLengthLong() > limit) {
            SecurityErrors.write(response, 413, "too-large", "请求过大", "请求内容超过 " + limit / 1024 + " KB 的上限");
            return;
        }
        chain.doFilter(request, response);
    }
}
