package cn.shoudi.security;

import cn.shoudi.AuditTrail;
import cn.shoudi.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Administration (ADMIN only): accounts, roles, API keys, and the audit trail. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final AccountService accounts;
    private final AuditTrail audit;

    AdminController(AccountService accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/users")
    List<AccountService.AccountView> users() {
        return accounts.all();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.AccountView create(@RequestBody AccountService.AccountData body) {
        return accounts.create(body);
    }

    @PutMapping("/users/{id}")
    AccountService.AccountView update(@PathVariable long id, @RequestBody AccountService.AccountData body) {
        return accounts.update(id, body);
    }

    /** A new API key for a department account, shown once. */
    @PostMapping("/users/{id}/api-key")
    Map<String, String> apiKey(@PathVariable long id) {
        return Map.of("apiKey", accounts.issueApiKey(id));
    }

    /** The audit trail, newest first; filter by user, action (LOGIN, LOGIN_FAILED, WRITE, EXPORT, SHOW_ID, ACCOUNT) and time. */
    @GetMapping("/audit")
    List<AuditTrail.Entry> audit(@RequestParam(required = false) String username,
                                 @RequestParam(required = false) String action,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                 Instant from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                 Instant to,
                                 @RequestParam(defaultValue = "200") int limit) {
        AuditTrail.Action a = null;
        if (action != null && !action.isBlank()) {
            try {
                a = AuditTrail.Action.valueOf(action.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("未知的审计类型“" + action + "”");
            }
        }
        return audit.find(username, a, from, to, limit);
    }
}
