package cn.shoudi.security;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** An account (账号). The password is stored only as a hash; its API keys are {@link ApiKey}s. */
@Table("security_user")
record Account(@Id Long id, String username, String passwordHash, String displayName, Role role, Long cadreId,
               Long villageId, String department, boolean enabled, int failedAttempts,
               Instant lockedUntil, Instant createdAt) {

    Account withFailures(int failures, Instant lockUntil) {
        return new Account(id, username, passwordHash, displayName, role, cadreId, villageId, department,
                enabled, failures, lockUntil, createdAt);
    }

    Account withPassword(String hash) {
        return new Account(id, username, hash, displayName, role, cadreId, villageId, department, enabled,
                0, null, createdAt);
    }

    Account with(Role newRole, Long newCadre, Long newVillage, String newDepartment, boolean newEnabled,
                 String newName) {
        return new Account(id, username, passwordHash, newName, newRole, newCadre, newVillage, newDepartment,
                newEnabled, failedAttempts, lockedUntil, createdAt);
    }
}
