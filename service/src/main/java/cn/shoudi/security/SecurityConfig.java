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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: an API key (integrations) or HTTP
 * Basic (people calling the API), no session, so no CSRF token is needed. Pages sign in with a form, keep a session in a secure, HTTP-only, SameSite
 * cookie, and require a CSRF token on every form. Both send the security headers and audit writes and exports.
 * Which role may call which endpoint is {@link #api}'s list; data scoping inside an endpoint is the feature's.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final String[] STAFF = {"LEADER", "CADRE", "INFO_OFFICER"};
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

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

    @Bean
    @Order(2)
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
