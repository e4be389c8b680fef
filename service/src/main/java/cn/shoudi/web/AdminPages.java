package cn.shoudi.web;

import cn.shoudi.AuditChain;
import cn.shoudi.AuditTrail;
import cn.shoudi.security.AccountService;
import cn.shoudi.security.AccountService.AccountData;
import cn.shoudi.security.AccountService.AccountView;
import cn.shoudi.security.ApiKeyService;
import cn.shoudi.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The administrator's pages (系统管理员): accounts and their roles, integrations' API keys (issued, shown once,
 * rotated, revoked) and the audit trail with its hash-chain verification.
 */
@Controller
@RequestMapping("/admin")
class AdminPages {

    private final AccountService accounts;
    private final ApiKeyService keys;
    private final AuditTrail audit;
    private final AuditChain chain;

    AdminPages(AccountService accounts, ApiKeyService keys, AuditTrail audit, AuditChain chain) {
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.chain = chain;
    }

    @GetMapping
    String accounts(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("roles", Role.values());
        return "admin/accounts";
    }

    @PostMapping("/accounts")
    String create(@RequestParam String username, @RequestParam String password, @RequestParam String displayName,
                  @RequestParam Role role, @RequestParam(required = false) Long villageId,
                  @RequestParam(required = false) Long cadreId, @RequestParam(required = false) String department,
                  RedirectAttributes flash) {
        return act(flash, "admin.created", "/admin", () -> "/admin/accounts/" + accounts.create(new AccountData(
                username, password, displayName, role, cadreId, villageId, Views.blankToNull(department), true)).id());
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable long id, Model model) {
        AccountView a = accounts.all().stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", a);
        model.addAttribute("keys", keys.of(id));
        model.addAttribute("roles", Role.values());
        return "admin/account";
    }

    @PostMapping("/accounts/{id}")
    String update(@PathVariable long id, @RequestParam String displayName, @RequestParam Role role,
                  @RequestParam(required = false) Long villageId, @RequestParam(required = false) Long cadreId,
                  @RequestParam(required = false) String department, @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam(required = false) String password, RedirectAttributes flash) {
        return act(flash, "admin.saved", "/admin/accounts/" + id, () -> {
            accounts.update(id, new AccountData(null, Views.blankToNull(password), displayName, role, cadreId, villageId,
                    Views.blankToNull(department), enabled));
            return "/admin/accounts/" + id;
        });
    }

    @PostMapping("/accounts/{id}/api-keys")
    String issue(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) Integer expiresInDays,
                 RedirectAttributes flash) {
        return act(flash, "admin.keyIssued", "/admin/accounts/" + id, () -> {
            flash.addFlashAttribute("issuedKey", keys.issue(id, new ApiKeyService.NewKey(name, expiresInDays)).apiKey());
            return "/admin/accounts/" + id;
        });
    }

    @PostMapping("/api-keys/{keyId}/rotate")
    String rotate(@PathVariable long keyId, @RequestParam(defaultValue = "24") int graceHours, RedirectAttributes flash) {
        return act(flash, "admin.keyRotated", "/admin", () -> {
            ApiKeyService.IssuedKey issued = keys.rotate(keyId, new ApiKeyService.Rotation(graceHours));
            flash.addFlashAttribute("issuedKey", issued.apiKey());
            return "/admin/accounts/" + issued.key().accountId();
        });
    }

    @PostMapping("/api-keys/{keyId}/revoke")
    String revoke(@PathVariable long keyId, RedirectAttributes flash) {
        return act(flash, "admin.keyRevoked", "/admin",
                () -> "/admin/accounts/" + keys.revoke(keyId).accountId());
    }

    /** The audit trail, newest first, by user, kind and day; and, when asked, the verification of its hash chain. */
    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "false") boolean verify, Model model) {
        AuditTrail.Action kind = Arrays.stream(AuditTrail.Action.values()).filter(a -> a.name().equals(action))
                .findFirst().orElse(null);
        model.addAttribute("entries", audit.find(username, kind, from == null ? null
                : from.atStartOfDay().toInstant(ZoneOffset.UTC), to == null ? null
                : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), 200));
        model.addAttribute("actions", AuditTrail.Action.values());
        model.addAttribute("username", username);
        model.addAttribute("action", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("verification", verify ? chain.verify() : null);
        return "admin/audit";
    }

    private static String act(RedirectAttributes flash, String notice, String fallback, Supplier<String> action) {
        return "redirect:" + Views.attempt(flash, notice, fallback, action);
    }
}
