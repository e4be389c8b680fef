package cn.shoudi.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "管理")
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

    @Operation(summary = "列出账号")
    @GetMapping("/users")
    List<AccountService.AccountView> users() {
        return accounts.all();
    }

    @Operation(summary = "新建账号")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.AccountView create(@RequestBody AccountService.AccountData body) {
        return accounts.create(body);
    }

    @Operation(summary = "修改账号（角色、范围、停用）")
    @PutMapping("/users/{id}")
    AccountService.AccountView update(@PathVariable long id, @RequestBody AccountService.AccountData body) {
        return accounts.update(id, body);
    }

    /** The account's API keys, valid or not (never the keys themselves). */
    @Operation(summary = "列出账号的 API 密钥")
    @GetMapping("/users/{id}/api-keys")
    List<ApiKeyService.ApiKeyView> apiKeys(@PathVariable long id) {
        return keys.of(id);
    }

    /** A new API key for an integration account; the key is in this answer only. */
    @Operation(summary = "为账号签发 API 密钥（只显示一次）")
    @PostMapping("/users/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyService.IssuedKey issue(@PathVariable long id, @RequestBody(required = false) ApiKeyService.NewKey body) {
        return keys.issue(id, body);
    }

    /** A new key replacing this one, which keeps working for the grace period; the new key is in this answer only. */
    @Operation(summary = "轮换 API 密钥（旧密钥在宽限期内仍可用）")
    @PostMapping("/api-keys/{keyId}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyService.IssuedKey rotate(@PathVariable long keyId,
                                   @RequestBody(required = false) ApiKeyService.Rotation body) {
        return keys.rotate(keyId, body);
    }

    /** Revokes a key at once. */
    @Operation(summary = "吊销 API 密钥")
    @DeleteMapping("/api-keys/{keyId}")
    ApiKeyService.ApiKeyView revoke(@PathVariable long keyId) {
        return keys.revoke(keyId);
    }

    /** The audit trail, newest first; filter by user, action (LOGIN, LOGIN_FAILED, WRITE, EXPORT, SHOW_ID, ACCOUNT) and time. */
    @Operation(summary = "查询审计记录")
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
    @Operation(summary = "校验审计记录的哈希链")
    @GetMapping("/audit/verification")
    AuditChain.Verification verifyAudit() {
        return chain.verify();
    }
}
