package cn.shoudi.policy;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * One audited step on the policy: who, when, what, on which version (and, for a rollback, which version it replaced).
 */
@Table("policy_audit")
record PolicyAudit(@Id Long id, Instant at, String actor, String action, Long versionId, Long otherVersionId,
                   String detail) {
}
