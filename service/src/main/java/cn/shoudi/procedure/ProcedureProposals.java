package cn.shoudi.procedure;

import cn.shoudi.Viewer;
import cn.shoudi.assessment.AssessmentHistory;
import cn.shoudi.assessment.AssessmentView;
import cn.shoudi.assessment.FindingView;
import cn.shoudi.registry.HouseholdStatus;
import cn.shoudi.registry.HouseholdStatuses;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.facts.HouseholdClass;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the rules propose that people have not yet decided (待核实): the latest assessment's outcomes that would change
 * the household's confirmed status — 识别对象 for a 一般农户, 可退出 for a 未脱贫户, 拟纳入监测 for a household not
 * monitored, 建议风险消除 for a 监测对象 — each with the procedure that decides it and whether one is in progress.
 */
@Service
public class ProcedureProposals {

    /**
     * One open proposal.
     *
     * @param kind        the procedure that decides it
     * @param text        e.g. 拟纳入监测（边缘易致贫户）
     * @param category    the proposed 监测类型 for 纳入监测, else null
     * @param basis       the finding behind it (table, row, code and reason), or null for a table's default outcome
     * @param procedureId the procedure of that kind in progress for the household, or null
     */
    public record Proposal(String kind, String kindLabel, String text, String category, String basis,
                           Long procedureId) {
    }

    private final AssessmentHistory assessments;
    private final HouseholdStatuses statuses;
    private final Procedures procedures;
    private final Registry registry;

    ProcedureProposals(AssessmentHistory assessments, HouseholdStatuses statuses, Procedures procedures,
                       Registry registry) {
        this.assessments = assessments;
        this.statuses = statuses;
        this.procedures = procedures;
        this.registry = registry;
    }

    /** The household's open proposals, in procedure order; empty when it was never assessed or all is decided. */
    @Transactional(readOnly = true)
    public List<Proposal> of(long householdId) {
        registry.requireVisible(Viewer.current(), householdId);
        AssessmentView latest = assessments.latest(householdId).orElse(null);
        if (latest == null) {
            return List.of();
        }
        HouseholdStatus status = statuses.status(householdId);
        Map<String, String> outcomes = latest.outcomes();
        List<Proposal> out = new ArrayList<>();
        if (status.householdClass() == HouseholdClass.GENERAL && "识别对象".equals(outcomes.get("identification"))) {
            out.add(proposal(householdId, latest, ProcedureKind.IDENTIFICATION, "identification", "识别对象", null));
        }
        if (status.householdClass() == HouseholdClass.NOT_EXITED && "可退出".equals(outcomes.get("exit"))) {
            out.add(proposal(householdId, latest, ProcedureKind.EXIT, "exit", "可退出", null));
        }
        String category = outcomes.get("monitoring");
        if (!status.monitored() && HouseholdStatus.CATEGORIES.contains(category)) {
            out.add(proposal(householdId, latest, ProcedureKind.MONITORING_ENTRY, "monitoring",
                    "拟纳入监测（" + category + "）", category));
        }
        if (status.monitored() && "建议消除".equals(outcomes.get("risk-cleared"))) {
            out.add(proposal(householdId, latest, ProcedureKind.RISK_CLEARANCE, "risk-cleared", "建议风险消除", null));
        }
        return out;
    }

    private Proposal proposal(long householdId, AssessmentView latest, ProcedureKind kind, String table, String text,
                              String category) {
        String outcome = latest.outcomes().get(table);
        String basis = latest.findings().stream()
                .filter(f -> f.tableId().equals(table) && outcome.equals(f.outcome()))
                .findFirst().map(ProcedureProposals::basis).orElse(null);
        Long open = procedures.findOpen(householdId, kind.name()).stream().findFirst().map(Procedure::id).orElse(null);
        return new Proposal(kind.name(), kind.label(), text, category, basis, open);
    }

    private static String basis(FindingView f) {
        return f.reference() + "：" + f.reason();
    }
}
