package cn.shoudi.security;

import cn.shoudi.AuditChain;
import cn.shoudi.AuditTrail;
import cn.shoudi.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** Administration (ADMIN only): accounts, roles, API keys, and the audit trail. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final AccountService accounts;
    private final ApiKeyService keys;
    private final AuditTrail audit;
    private final AuditChain chain;

    AdminController(AccountService accounts, ApiKeyService keys, AuditTrail audit, AuditChain chain) {
        this.chain = chain;
        this.accounts = accounts;
        this.keys = keys;
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

    /** The account's API keys, valid or not (never the keys themselves). */
    @GetMapping("/users/{id}/api-keys")
    List<ApiKeyService.ApiKeyView> apiKeys(@PathVariable long id) {
        return keys.of(id);
    }

    /** A new API key for an integration account; the key is in this answer only. */
    @PostMapping("/users/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyService.IssuedKey issue(@PathVariable long id, @RequestBody(required = false) ApiKeyService.NewKey body) {
        return keys.issue(id, body);
    }

    /** A new key replacing this one, which keeps working for the grace period; the new key is in this answer only. */
    @PostMapping("/api-keys/{keyId}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyService.IssuedKey rotate(@PathVariable long keyId,
                                   @RequestBody(required = false) ApiKeyService.Rotation body) {
        return keys.rotate(keyId, body);
    }

    /** Revokes a key at once. */
    @DeleteMapping("/api-keys/{keyId}")
    ApiKeyService.ApiKeyView revoke(@PathVariable long keyId) {
        return keys.revoke(keyId);
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

    /**
     * Recomputes the audit trail's hash chain from its first entry: whether any sealed entry was changed, removed or
     * inserted, and how many entries wait to be sealed.
     */
    @GetMapping("/audit/verification")
    AuditChain.Verification verifyAudit() {
        return chain.verify();
    }
}
