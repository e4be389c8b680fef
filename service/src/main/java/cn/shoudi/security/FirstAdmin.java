package cn.shoudi.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the first administrator from configuration ({@code SHOUDI_ADMIN_USER}, {@code SHOUDI_ADMIN_PASSWORD}) when
 * no administrator exists; with no password configured it generates one and logs it once.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final AccountService service;
    private final SecurityProperties properties;

    FirstAdmin(Accounts accounts, AccountService service, SecurityProperties properties) {
        this.accounts = accounts;
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsByRole(Role.ADMIN) || service.exists(properties.adminUsername())) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        service.create(new AccountService.AccountData(properties.adminUsername(), password, "系统管理员", Role.ADMIN,
                null, null, null, true));
        if (generated) {
            log.warn("first administrator '{}' created with generated password: {} (set SHOUDI_ADMIN_PASSWORD to "
                    + "choose it; change it after signing in)", properties.adminUsername(), password);
        } else {
            log.info("first administrator '{}' created from configuration", properties.adminUsername());
        }
    }
}
