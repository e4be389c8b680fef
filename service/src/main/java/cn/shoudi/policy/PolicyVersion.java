package cn.shoudi.policy;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.List;

/**
 * A version of the policy (策略版本): the whole set of workbooks, who made it and where it stands
 * (DRAFT, REJECTED, APPROVED, PUBLISHED, RETIRED).
 */
@Table("policy_version")
record PolicyVersion(@Id Long id, String label, String status, String checksum, String comment, Long basedOn,
                     String createdBy, Instant createdAt, String approvedBy, Instant approvedAt, String publishedBy,
                     Instant publishedAt, java.time.LocalDate publishOn, String validationReport,
                     @MappedCollection(idColumn = "version_id", keyColumn = "position") List<PolicyFile> files) {

    static final String DRAFT = "DRAFT";
    static final String REJECTED = "REJECTED";
    static final String APPROVED = "APPROVED";
    static final String PUBLISHED = "PUBLISHED";
    static final String RETIRED = "RETIRED";

    /** One workbook of a version. */
    @Table("policy_file")
    record PolicyFile(String fileName, String checksum, byte[] content) {
    }

    PolicyVersion withStatus(String newStatus) {
        return new PolicyVersion(id, label, newStatus, checksum, comment, basedOn, createdBy, createdAt, approvedBy,
                approvedAt, publishedBy, publishedAt, publishOn, validationReport, files);
    }

    PolicyVersion scheduledFor(java.time.LocalDate date) {
        return new PolicyVersion(id, label, status, checksum, comment, basedOn, createdBy, createdAt, approvedBy,
                approvedAt, publishedBy, publishedAt, date, validationReport, files);
    }

    PolicyVersion approved(String by, Instant at) {
        return new PolicyVersion(id, label, APPROVED, checksum, comment, basedOn, createdBy, createdAt, by, at,
                publishedBy, publishedAt, publishOn, validationReport, files);
    }

    PolicyVersion published(String by, Instant at) {
        return new PolicyVersion(id, label, PUBLISHED, checksum, comment, basedOn, createdBy, createdAt, approvedBy,
                approvedAt, by, at, null, validationReport, files);
    }
}
