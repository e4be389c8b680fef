package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Loads accounts for sign-in and throttles guessing: after {@code maxFailedLogins} failures in a row an account is
 * locked for {@code lockDuration} (kept in the database, so every instance sees it); a success resets the count.
 * Every page sign-in and every failed sign-in (page, HTTP Basic or API key) is audited.
 */
@Service
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final SecurityProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    AccountDetails(Accounts accounts, SecurityProperties properties, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username).map(a -> new AccountPrincipal(a, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication a = event.getAuthentication();
        if (!(a.getPrincipal() instanceof AccountPrincipal p)) {
            return;
        }
        Account signedIn = p.account();
        if (signedIn.failedAttempts() > 0 || signedIn.lockedUntil() != null) {
            accounts.findById(signedIn.id()).ifPresent(x -> accounts.save(x.withFailures(0, null)));
        }
    }

    /** A page sign-in succeeded (API calls authenticate on every request and are audited by what they do). */
    void audited(Authentication a) {
        if (a.getPrincipal() instanceof AccountPrincipal p) {
            audit.record(p.getUsername(), p.account().role().name(), AuditTrail.Action.LOGIN, "/login", "OK", null,
                    remote(a));
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication a = event.getAuthentication();
        String username = String.valueOf(a.getPrincipal());
        String outcome = event.getException().getClass().getSimpleName().replace("Exception", "");
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.findByUsername(username).ifPresent(x -> {
                int failures = x.failedAttempts() + 1;
                Instant lock = failures >= properties.maxFailedLogins()
                        ? clock.instant().plus(properties.lockDuration()) : x.lockedUntil();
                accounts.save(x.withFailures(failures, lock));
            });
        }
        audit.record(username, null, AuditTrail.Action.LOGIN_FAILED, null, outcome, null, remote(a));
    }

    private static String remote(Authentication a) {
        return a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
