package cn.shoudi.security;

import cn.shoudi.Viewer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The signed-in account as Spring Security and the features see it. */
record AccountPrincipal(Account account, Instant now) implements UserDetails, Viewer.Source {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return account.lockedUntil() == null || !account.lockedUntil().isAfter(now);
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public Viewer viewer() {
        return new Viewer(account.username(), account.role().name(), account.cadreId(), account.villageId(),
                account.department());
    }
}
