package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Three filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: an API key (integrations) or HTTP
 * Basic (people calling the API), no session, so no CSRF token is needed. Pages sign in with a form, keep a session in a secure, HTTP-only, SameSite
 * cookie, and require a CSRF token on every form. Both send the security headers and audit writes and exports.
 * Which role may call which endpoint is {@link #api}'s list; data scoping inside an endpoint is the feature's.
 * The API contract and Swagger UI ({@link #contract}) are open to every signed-in account by any of the three ways.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final String[] STAFF = {"LEADER", "CADRE", "INFO_OFFICER"};
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    /** Swagger UI sets inline styles from its scripts; everything else as strict as the pages. */
    private static final String DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    private static final String[] CONTRACT = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyAuthenticator keys, AuditTrail audit,
                            SecurityProperties properties) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(SecurityConfig::apiRules)
                .httpBasic(b -> b.authenticationEntryPoint((rq, rs, e) ->
                        SecurityErrors.write(rs, 401, "unauthorized", "未登录或凭证无效", "请使用账号密码或 API 密钥访问")))
                .exceptionHandling(e -> e.accessDeniedHandler((rq, rs, ex) ->
                        SecurityErrors.write(rs, 403, "forbidden", "无权访问", "当前账号的角色不能进行此操作")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .addFilterBefore(new BodySizeLimit(properties.maxJsonBodyBytes(), properties.maxBatchBodyBytes()),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyFilter(keys, audit), BasicAuthenticationFilter.class)
                .addFilterAfter(new RequestAudit(audit), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Endpoint rules of the API by role; anything not listed is refused. */
    private static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyRole("METRICS", "ADMIN")
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                // registry
                .requestMatchers(HttpMethod.GET, "/api/villages", "/api/cadres").hasAnyRole("LEADER", "CADRE",
                        "INFO_OFFICER", "POLICY", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/villages", "/api/villages/*/groups", "/api/cadres")
                .hasRole("INFO_OFFICER")
                .requestMatchers(HttpMethod.PUT, "/api/cadres/*/active").hasRole("INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/households/*/members/*/id-number").hasAnyRole("CADRE",
                        "INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/facts").hasAnyRole("LEADER", "CADRE", "INFO_OFFICER", "POLICY", "ADMIN")
                .requestMatchers(HttpMethod.PATCH, "/api/households/*/facts").hasAnyRole("CADRE", "INFO_OFFICER")
                .requestMatchers(HttpMethod.POST, "/api/households/*/status/corrections").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/households/*/visits").hasAnyRole("CADRE", "INFO_OFFICER")
                // procedures: village steps by cadres and information officers, township steps by leaders (checked per step)
                .requestMatchers(HttpMethod.POST, "/api/households/*/procedures", "/api/procedures/*/steps")
                .hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.POST, "/api/procedures/*/withdraw").hasAnyRole("LEADER", "INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/procedures", "/api/procedures/pipeline")
                .hasAnyRole("LEADER", "INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/procedures/*").hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.GET, "/api/households", "/api/households/**").hasAnyRole(STAFF)
                .requestMatchers("/api/households", "/api/households/**").hasRole("INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/reports/helper-coverage").hasAnyRole("LEADER", "INFO_OFFICER")
                // monitoring
                .requestMatchers(HttpMethod.GET, "/api/cadres/*/tasks", "/api/tasks/*").hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.POST, "/api/tasks/*/**").hasAnyRole("CADRE", "INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/notifications").hasAnyRole("LEADER", "ADMIN")
                // assessment and policy
                .requestMatchers(HttpMethod.GET, "/api/assessment-runs", "/api/assessment-runs/*")
                .hasAnyRole("POLICY", "LEADER")
                .requestMatchers(HttpMethod.POST, "/api/assessment-runs").hasRole("POLICY")
                .requestMatchers(HttpMethod.GET, "/api/policy/**").hasAnyRole("POLICY", "LEADER")
                .requestMatchers("/api/policy/**").hasRole("POLICY")
                // intake
                .requestMatchers(HttpMethod.POST, "/api/signals", "/api/signals/batches").hasRole("DEPARTMENT")
                .requestMatchers(HttpMethod.GET, "/api/signals/batches/*").hasAnyRole("DEPARTMENT", "INFO_OFFICER")
                .requestMatchers("/api/signals/**").hasRole("INFO_OFFICER")
                .requestMatchers("/api/imports/**").hasRole("INFO_OFFICER")
                // reporting
                .requestMatchers(HttpMethod.GET, "/api/reports/township/ledgers", "/api/reports/township/ledgers/**")
                .hasAnyRole("LEADER", "INFO_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/reports/township", "/api/reports/township/**")
                .hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.PUT, "/api/reports/township/facts").hasRole("INFO_OFFICER")
                .anyRequest().denyAll();
    }

    /**
     * The OpenAPI document and Swagger UI, for any signed-in account: people by their page session (or HTTP Basic),
     * integrations by API key. A caller without credentials gets a 401 problem for the document and is sent to the
     * login page (and back afterwards) for Swagger UI. Read-only, so nothing to audit.
     */
    @Bean
    @Order(2)
    SecurityFilterChain contract(HttpSecurity http, ApiKeyAuthenticator keys, AuditTrail audit) throws Exception {
        var ui = PathPatternRequestMatcher.withDefaults();
        var uiPages = new HttpSessionRequestCache();
        uiPages.setRequestMatcher(new OrRequestMatcher(ui.matcher("/swagger-ui.html"),
                ui.matcher("/swagger-ui/**")));
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint unauthorized = (rq, rs, e) ->
                SecurityErrors.write(rs, 401, "unauthorized", "未登录或凭证无效", "请先登录，或使用账号密码或 API 密钥访问");
        http.securityMatcher(CONTRACT)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint((rq, rs, ex) -> {
                    if (rq.getRequestURI().startsWith(rq.getContextPath() + "/v3/")) {
                        unauthorized.commence(rq, rs, ex);
                    } else {
                        login.commence(rq, rs, ex);
                    }
                }))
                .requestCache(c -> c.requestCache(uiPages))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(DOCS_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new ApiKeyFilter(keys, audit), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuditTrail audit, AccountDetails details) throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/reports/township/ledgers/**").hasAnyRole("LEADER", "INFO_OFFICER")
                        .requestMatchers("/reports/**").hasAnyRole(STAFF)
                        .requestMatchers("/tasks", "/tasks/**").hasAnyRole("CADRE", "INFO_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/households/*/survey", "/households/*/survey/**")
                        .hasAnyRole("CADRE", "INFO_OFFICER")
                        // procedures: village steps by cadres and information officers, township steps by leaders
                        // (checked per step by the procedure service)
                        .requestMatchers(HttpMethod.POST, "/households/*/procedures", "/households/*/procedures/*/steps")
                        .hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/households/*/visits").hasAnyRole("CADRE", "INFO_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/households/**").hasRole("INFO_OFFICER")
                        .requestMatchers("/households", "/households/**").hasAnyRole(STAFF)
                        .requestMatchers("/imports", "/signals/**").hasRole("INFO_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/policy/**").hasRole("POLICY")
                        .requestMatchers("/policy", "/policy/**").hasAnyRole("POLICY", "LEADER")
                        .requestMatchers("/dashboard").hasRole("LEADER")
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .requestMatchers("/procedures", "/procedures/**").hasAnyRole("LEADER", "INFO_OFFICER")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler((rq, rs, auth) -> {
                    details.audited(auth);
                    success.onAuthenticationSuccess(rq, rs, auth);
                }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new RequestAudit(audit), BasicAuthenticationFilter.class);
        return http.build();
    }
}
