package cn.shoudi.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The township report (乡镇脱贫攻坚工作报告), structured like 联合乡's 2019 report: 基本情况; 精准识别和精准退出;
 * 两不愁三保障; 监测和任务; 收入来源; 其他工作.
 *
 * @param township   township name
 * @param county     county name
 * @param village    village name when the report is for one village, else null
 * @param asOf       the date the report is as of
 * @param sections   sections in report order
 */
public record TownshipReport(long townshipId, String township, String county, Long villageId, String village,
                             LocalDate asOf, List<Section> sections) {

    /** A section of the report. */
    public record Section(String code, String title, List<Figure> figures) {
    }

    /**
     * One figure. Household figures carry households and people; member figures people (and the households they
     * live in); amounts carry an amount and a unit. {@code ledger} names the ledger behind the figure, if any.
     *
     * @param source where an entered figure comes from (township facts); null for figures computed from the registry
     */
    public record Figure(String code, String label, Long households, Long people, BigDecimal amount, String unit,
                         String ledger, String source) {
    }

    /** The figure with this code, in any section. */
    public Optional<Figure> figure(String code) {
        return sections.stream().flatMap(s -> s.figures().stream()).filter(f -> f.code().equals(code)).findFirst();
    }
}
