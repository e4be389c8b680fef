package cn.shoudi.security;

import cn.shoudi.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;

/** Creates and changes accounts, checking that each role has what it needs (a cadre, a village, a department). */
@Service
public class AccountService {

    static final Set<String> DEPARTMENTS = Set.of("医保", "卫健", "教育", "住建", "水利", "应急", "人社", "残联", "民政",
            "公安");

    /**
     * An account as submitted by an administrator.
     *
     * @param password   at least 10 characters; on update, null keeps the password
     * @param cadreId    required for CADRE; optional for INFO_OFFICER
     * @param villageId  required for CADRE (derived from the cadre); INFO_OFFICER without one is township-wide
     * @param department required for DEPARTMENT
     */
    public record AccountData(String username, String password, String displayName, Role role, Long cadreId,
                              Long villageId, String department, Boolean enabled) {
    }

    /**
     * An account as the API shows it: never the password or a key's hash.
     *
     * @param apiKeys how many of its API keys are valid now (see {@link ApiKeyService})
     */
    public record AccountView(long id, String username, String displayName, Role role, String roleLabel, Long cadreId,
                              Long villageId, String department, boolean enabled, long apiKeys,
                              boolean locked) {
    }

    private final Accounts accounts;
    private final ApiKeyService keys;
    private final ApiKeyAuthenticator authenticator;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountService(Accounts accounts, ApiKeyService keys, ApiKeyAuthenticator authenticator, PasswordEncoder encoder,
                   JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.authenticator = authenticator;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public AccountView create(AccountData d) {
        List<String> p = check(d, true);
        accounts.findByUsername(trim(d.username())).ifPresent(a -> p.add("账号“" + a.username() + "”已存在"));
        if (!p.isEmpty()) {
            throw new InvalidRequestException(p);
        }
        Long village = villageOf(d);
        Account a = accounts.save(new Account(null, trim(d.username()), encoder.encode(d.password()),
                d.displayName().trim(), d.role(), d.cadreId(), village, d.department(),
                d.enabled() == null || d.enabled(), 0, null, clock.instant()));
        return view(a);
    }

    @Transactional
    public AccountView update(long id, AccountData d) {
        Account a = accounts.findById(id).orElseThrow(() -> new InvalidRequestException("账号不存在"));
        List<String> p = check(new AccountData(a.username(), d.password(), d.displayName(), d.role(), d.cadreId(),
                d.villageId(), d.department(), d.enabled()), false);
        if (d.role() == Role.ADMIN && a.role() != Role.ADMIN && keys.active(id) > 0) {
            p.add("该账号有有效的 API 密钥，不能改为系统管理员；请先吊销其密钥");
        }
        if (!p.isEmpty()) {
            throw new InvalidRequestException(p);
        }
        Account changed = a.with(d.role(), d.cadreId(), villageOf(d), d.department(),
                d.enabled() == null || d.enabled(), d.displayName().trim());
        if (d.password() != null) {
            changed = changed.withPassword(encoder.encode(d.password()));
        }
        // its API keys act with the role, ties and state just changed
        authenticator.forgetAll();
        return view(accounts.save(changed));
    }

    @Transactional(readOnly = true)
    public List<AccountView> all() {
        return accounts.findAll().stream().map(this::view).toList();
    }

    /** Whether an account with this name exists. */
    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    private List<String> check(AccountData d, boolean creating) {
        List<String> p = new ArrayList<>();
        if (d.username() == null || !d.username().trim().matches("[A-Za-z0-9_.-]{3,50}")) {
            p.add("账号应为3–50位字母、数字、下划线、点或减号");
        }
        if (creating || d.password() != null) {
            if (d.password() == null || d.password().length() < 10 || d.password().length() > 100) {
                p.add("密码长度应为10–100位");
            }
        }
        if (d.displayName() == null || d.displayName().isBlank() || d.displayName().length() > 50) {
            p.add("姓名不能为空，且不超过50个字符");
        }
        if (d.role() == null) {
            p.add("角色不能为空，可选：" + Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.joining("、")));
            return p;
        }
        if (d.role() == Role.CADRE && d.cadreId() == null) {
            p.add("帮扶干部账号须关联一名干部（cadreId）");
        }
        if (d.cadreId() != null && jdbc.sql("SELECT COUNT(*) FROM registry_cadre WHERE id = ?").param(d.cadreId())
                .query(Long.class).single() == 0) {
            p.add("干部不存在");
        }
        if (d.villageId() != null && jdbc.sql("SELECT COUNT(*) FROM registry_village WHERE id = ?")
                .param(d.villageId()).query(Long.class).single() == 0) {
            p.add("行政村不存在");
        }
        if (d.role() == Role.DEPARTMENT && (d.department() == null || !DEPARTMENTS.contains(d.department()))) {
            p.add("部门接口账号须填写部门，可选：" + String.join("、", DEPARTMENTS.stream().sorted().toList()));
        }
        return p;
    }

    /** A cadre account works in its cadre's village; an information officer in the village given (none: all). */
    private Long villageOf(AccountData d) {
        if (d.role() == Role.CADRE) {
            return jdbc.sql("SELECT village_id FROM registry_cadre WHERE id = ?").param(d.cadreId())
                    .query(Long.class).optional().orElse(null);
        }
        return d.role() == Role.INFO_OFFICER ? d.villageId() : null;
    }

    private AccountView view(Account a) {
        return new AccountView(a.id(), a.username(), a.displayName(), a.role(), a.role().label(), a.cadreId(),
                a.villageId(), a.department(), a.enabled(), keys.active(a.id()),
                a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant()));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
