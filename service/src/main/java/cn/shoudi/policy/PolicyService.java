package cn.shoudi.policy;

import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.assessment.AssessmentRunView;
import cn.shoudi.assessment.ReEvaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.TableSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy versions: the shipped tables become version 1 on first start; policy staff upload a whole set or one table
 * (a new draft based on the published version), which is validated at once — a rejected upload never touches the
 * published policy; another person approves (maker-checker); publishing swaps the evaluator atomically on this
 * instance (others follow within seconds) and re-evaluates every household, now or from an effective date; a
 * rollback publishes an earlier version.
 * Every step is audited.
 */
@Service
public class PolicyService {

    private static final Logger log = LoggerFactory.getLogger(PolicyService.class);

    private final PolicyVersions versions;
    private final PolicyAudits audits;
    private final PolicyValidator validator;
    private final ActivePolicy active;
    private final ReEvaluation reEvaluation;
    private final PolicyProperties properties;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    PolicyService(org.springframework.jdbc.core.simple.JdbcClient jdbc, PolicyVersions versions, PolicyAudits audits, PolicyValidator validator, ActivePolicy active,
                  ReEvaluation reEvaluation, PolicyProperties properties, JsonMapper json,
                  PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.audits = audits;
        this.validator = validator;
        this.active = active;
        this.reEvaluation = reEvaluation;
        this.properties = properties;
        this.json = json;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** On first start the shipped tables become the first, published version; later starts load the published one. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void bootstrap() {
        if (versions.count() == 0) {
            List<TableSource> shipped = active.shipped();
            Instant now = clock.instant();
            PolicyVersion first = versions.save(new PolicyVersion(null, ActivePolicy.label(shipped),
                    PolicyVersion.PUBLISHED, ActivePolicy.checksum(shipped), "随程序发布的默认策略（decision-tables/）", null,
                    "system", now, "system", now, "system", now, null, null, files(shipped)));
            audit("system", "BOOTSTRAP", first.id(), null, "首次启动：载入 " + shipped.size() + " 个工作簿");
            return;
        }
        sync();
    }

    /** Publishes approved versions whose date has come, then follows a publication made by another instance. */
    @Scheduled(fixedDelayString = "${shoudi.policy.sync-interval:PT10S}", initialDelayString = "PT10S")
    void sync() {
        for (PolicyVersion due : versions.findByStatusAndPublishOnLessThanEqualOrderById(PolicyVersion.APPROVED,
                java.time.LocalDate.now(clock))) {
            int claimed = jdbc.sql("UPDATE policy_version SET publish_on = NULL WHERE id = ? AND publish_on IS NOT NULL")
                    .param(due.id()).update();
            if (claimed == 1) {
                makeCurrent(versions.findById(due.id()).orElseThrow(), "scheduler", "PUBLISH",
                        "按生效日期 " + due.publishOn() + " 发布版本 " + due.id());
            }
        }
        follow();
    }

    private void follow() {
        versions.findFirstByStatusOrderByIdDesc(PolicyVersion.PUBLISHED)
                .filter(v -> !v.label().equals(active.version()))
                .ifPresent(v -> {
                    PolicyValidator.Outcome o = validator.validate(v.label(), sources(v));
                    if (o.evaluator() != null) {
                        active.publish(o.evaluator());
                        log.info("following published policy version {} ({})", v.id(), v.label());
                    }
                });
    }

    /** Uploads a whole set of workbooks as a new version. */
    public VersionView uploadSet(List<TableSource> files, String comment, String user) {
        requireUser(user);
        checkFiles(files);
        return create(files, comment, user, null, "上传整套决策表（" + files.size() + " 个工作簿）");
    }

    /** Uploads one workbook, replacing the table of the same file name in a draft based on the published version. */
    public VersionView uploadTable(TableSource file, String comment, String user) {
        requireUser(user);
        checkFiles(List.of(file));
        PolicyVersion base = published();
        List<TableSource> set = new ArrayList<>();
        boolean replaced = false;
        for (TableSource s : sources(base)) {
            if (s.fileName().equals(file.fileName())) {
                set.add(file);
                replaced = true;
            } else {
                set.add(s);
            }
        }
        if (!replaced) {
            set.add(file);
        }
        return create(set, comment, user, base.id(), (replaced ? "替换 " : "新增 ") + file.fileName() + "（基于版本 "
                + base.id() + "）");
    }

    private VersionView create(List<TableSource> files, String comment, String user, Long basedOn, String what) {
        List<TableSource> sorted = files.stream().sorted(Comparator.comparing(TableSource::fileName)).toList();
        String label = ActivePolicy.label(sorted);
        PolicyValidator.Outcome outcome = validator.validate(label, sorted);
        String status = outcome.report().valid() ? PolicyVersion.DRAFT : PolicyVersion.REJECTED;
        PolicyVersion saved = versions.save(new PolicyVersion(null, label, status, ActivePolicy.checksum(sorted),
                comment, basedOn, user, clock.instant(), null, null, null, null, null,
                json.writeValueAsString(outcome.report()), files(sorted)));
        audit(user, "UPLOAD", saved.id(), basedOn, what + "；" + (comment == null ? "" : comment));
        audit(user, "VALIDATE", saved.id(), null, outcome.report().valid() ? "校验通过"
                : "校验未通过：" + outcome.report().errors().size() + " 处错误，" + outcome.report().failures().size()
                + " 个示例未通过");
        return view(saved);
    }

    /** Approves a valid draft; the uploader may not approve their own version unless configured. */
    public VersionView approve(long id, String user) {
        requireUser(user);
        PolicyVersion v = find(id);
        if (!PolicyVersion.DRAFT.equals(v.status())) {
            throw new PolicyProblem(HttpStatus.CONFLICT, "只有“草稿”状态的版本可以审核通过，该版本为“" + label(v.status()) + "”");
        }
        if (v.createdBy().equals(user) && !properties.allowSelfApproval()) {
            throw new PolicyProblem(HttpStatus.FORBIDDEN, "上传人不能审核自己上传的版本，请由另一位政策业务人员审核");
        }
        PolicyVersion saved = versions.save(v.approved(user, clock.instant()));
        audit(user, "APPROVE", id, null, "审核通过");
        return view(saved);
    }

    /** Publishes an approved version now: atomic swap, then a full re-evaluation with task reconciliation. */
    public PublishResult publish(long id, String user) {
        requireUser(user);
        PolicyVersion v = find(id);
        if (!PolicyVersion.APPROVED.equals(v.status())) {
            throw new PolicyProblem(HttpStatus.CONFLICT, "只有“已审核”的版本可以发布，该版本为“" + label(v.status()) + "”");
        }
        return makeCurrent(v, user, "PUBLISH", "发布版本 " + id);
    }

    /** Schedules an approved version to be published on a date (today or later). */
    public VersionView schedule(long id, java.time.LocalDate date, String user) {
        requireUser(user);
        PolicyVersion v = find(id);
        if (!PolicyVersion.APPROVED.equals(v.status())) {
            throw new PolicyProblem(HttpStatus.CONFLICT, "只有“已审核”的版本可以定期发布，该版本为“" + label(v.status()) + "”");
        }
        if (date == null || date.isBefore(java.time.LocalDate.now(clock))) {
            throw new PolicyProblem(HttpStatus.BAD_REQUEST, "生效日期不能早于今天");
        }
        PolicyVersion saved = versions.save(v.scheduledFor(date));
        audit(user, "SCHEDULE", id, null, "定于 " + date + " 发布");
        return view(saved);
    }

    /** Rolls back to an earlier published version, as a publication of its own. */
    public PublishResult rollback(long id, String user) {
        requireUser(user);
        PolicyVersion v = find(id);
        if (!PolicyVersion.RETIRED.equals(v.status())) {
            throw new PolicyProblem(HttpStatus.CONFLICT, "只能回滚到曾经发布、已被替换的版本，该版本为“" + label(v.status()) + "”");
        }
        return makeCurrent(v, user, "ROLLBACK", "回滚到版本 " + id);
    }

    /** The published version after a publication, and the re-evaluation it started. */
    public record PublishResult(VersionView version, AssessmentRunView reEvaluation) {
    }

    private PublishResult makeCurrent(PolicyVersion v, String user, String action, String what) {
        PolicyValidator.Outcome outcome = validator.validate(v.label(), sources(v));
        if (outcome.evaluator() == null) {
            throw new PolicyProblem(HttpStatus.CONFLICT, "该版本未通过校验，不能发布");
        }
        Evaluator evaluator = outcome.evaluator();
        PolicyVersion previous = published();
        PolicyVersion now = tx.execute(status -> {
            versions.save(previous.withStatus(PolicyVersion.RETIRED));
            PolicyVersion saved = versions.save(v.published(user, clock.instant()));
            audit(user, action, saved.id(), previous.id(), what + "，替换版本 " + previous.id());
            return saved;
        });
        active.publish(evaluator);
        AssessmentRunView run = reEvaluation.start(what + "后重新评估");
        return new PublishResult(view(now), run);
    }

    public List<VersionView> all() {
        return versions.findAllByOrderByIdDesc().stream().map(this::view).toList();
    }

    public VersionView get(long id) {
        return view(find(id));
    }

    /** A workbook of a version, for download. */
    public TableSource file(long id, String fileName) {
        return sources(find(id)).stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new PolicyProblem(HttpStatus.NOT_FOUND, "该版本中没有文件 " + fileName));
    }

    PolicyVersion published() {
        return versions.findFirstByStatusOrderByIdDesc(PolicyVersion.PUBLISHED)
                .orElseThrow(() -> new PolicyProblem(HttpStatus.CONFLICT, "没有已发布的策略版本"));
    }

    PolicyVersion find(long id) {
        return versions.findById(id).orElseThrow(() -> new PolicyProblem(HttpStatus.NOT_FOUND, "策略版本 " + id + " 不存在"));
    }

    List<TableSource> sources(PolicyVersion v) {
        return v.files().stream().map(f -> new TableSource(f.fileName(), f.content())).toList();
    }

    public List<PolicyAudit> audit() {
        return audits.findAllByOrderByIdDesc();
    }

    void audit(String actor, String action, Long versionId, Long otherVersionId, String detail) {
        audits.save(new PolicyAudit(null, clock.instant(), actor, action, versionId, otherVersionId, detail));
    }

    private static List<PolicyVersion.PolicyFile> files(List<TableSource> sources) {
        return sources.stream().map(s -> new PolicyVersion.PolicyFile(s.fileName(),
                ActivePolicy.checksum(List.of(s)), s.bytes())).toList();
    }

    private static void checkFiles(List<TableSource> files) {
        if (files.isEmpty()) {
            throw new PolicyProblem(HttpStatus.BAD_REQUEST, "请选择要上传的决策表文件（.xlsx）");
        }
        Map<String, Integer> names = new LinkedHashMap<>();
        for (TableSource f : files) {
            if (f.fileName() == null || !f.fileName().matches("[A-Za-z0-9_.-]+\\.xlsx")) {
                throw new PolicyProblem(HttpStatus.BAD_REQUEST, "文件“" + f.fileName()
                        + "”不是可用的决策表：文件名须为英文、数字、连字符，扩展名为 .xlsx");
            }
            if (names.merge(f.fileName(), 1, Integer::sum) > 1) {
                throw new PolicyProblem(HttpStatus.BAD_REQUEST, "文件“" + f.fileName() + "”重复上传");
            }
        }
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new PolicyProblem(HttpStatus.BAD_REQUEST, "缺少操作人（请先登录）");
        }
    }

    static String label(String status) {
        return switch (status) {
            case PolicyVersion.DRAFT -> "草稿";
            case PolicyVersion.REJECTED -> "校验未通过";
            case PolicyVersion.APPROVED -> "已审核";
            case PolicyVersion.PUBLISHED -> "已发布";
            case PolicyVersion.RETIRED -> "已停用";
            default -> status;
        };
    }

    /** A version as the API shows it. */
    public record VersionView(long id, String label, String status, String statusLabel, String comment, Long basedOn,
                              String createdBy, Instant createdAt, String approvedBy, Instant approvedAt,
                              String publishedBy, Instant publishedAt, java.time.LocalDate publishOn,
                              List<String> files, Object validation) {
    }

    VersionView view(PolicyVersion v) {
        Object report = v.validationReport() == null ? null : json.readValue(v.validationReport(), Map.class);
        return new VersionView(v.id(), v.label(), v.status(), label(v.status()), v.comment(), v.basedOn(),
                v.createdBy(), v.createdAt(), v.approvedBy(), v.approvedAt(), v.publishedBy(), v.publishedAt(),
                v.publishOn(), v.files().stream().map(PolicyVersion.PolicyFile::fileName).toList(), report);
    }
}
