package cn.shoudi.intake;

import cn.shoudi.registry.HouseholdData;
import cn.shoudi.registry.MemberData;
import cn.shoudi.registry.Registrar;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.HouseholdClass;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The registry export (户籍导出) in the import's layout ({@link ImportColumns}): one row per member, every recorded fact
 * in its column as the import reads it, so that re-importing the export changes nothing.
 */
@Service
class HouseholdExport {

    private final Registrar registrar;

    HouseholdExport(Registrar registrar) {
        this.registrar = registrar;
    }

    /** The rows (header first) of the households of a village, or of every village when null. */
    List<List<String>> rows(Long villageId) {
        List<List<String>> out = new ArrayList<>();
        out.add(ImportColumns.ALL);
        for (Registrar.Exported e : registrar.export(villageId)) {
            for (MemberData m : e.data().members()) {
                Map<String, String> cells = household(e);
                cells.put("姓名", m.name());
                cells.put("身份证号", text(m.idNumber()));
                cells.put("性别", m.sex());
                cells.put("出生日期", text(m.birthDate()));
                cells.put("与户主关系", m.relation());
                Map<String, Object> facts = m.allFacts();
                ImportColumns.MEMBER_FACTS.forEach((label, d) -> cells.put(label, format(d, facts.get(d.key()))));
                out.add(ImportColumns.ALL.stream().map(h -> cells.getOrDefault(h, "")).toList());
            }
        }
        return out;
    }

    private static Map<String, String> household(Registrar.Exported e) {
        HouseholdData d = e.data();
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("户编号", d.householdNo());
        cells.put("行政村编码", e.villageCode());
        cells.put("村民小组", e.groupName());
        cells.put("户类型", HouseholdClass.parse(d.householdClass()).label());
        cells.put("家庭纯收入", text(d.netIncome()));
        cells.put("刚性支出", text(d.rigidExpenditure()));
        cells.put("上年纯收入", text(d.previousYearNetIncome()));
        cells.put("风险类型", d.riskTypes() == null ? "" : String.join("、", new TreeSet<>(d.riskTypes())));
        cells.put("能否自身应对", Boolean.TRUE.equals(d.selfCoping()) ? "是" : "否");
        cells.put("三保障或饮水问题", Boolean.TRUE.equals(d.guaranteeIssue()) ? "是" : "否");
        Map<String, Object> facts = new LinkedHashMap<>(d.facts() == null ? Map.of() : d.facts());
        if (d.housing() != null) {
            facts.putAll(d.housing().factValues());
        }
        ImportColumns.HOUSEHOLD_FACTS.forEach((label, f) -> cells.put(label, format(f, facts.get(f.key()))));
        return cells;
    }

    private static String format(FactDefinition d, Object value) {
        return value == null ? "" : d.format(value);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : value.toString();
    }

    /** The rows as an XLSX workbook of one sheet, every cell text (ID numbers must not become numbers). */
    static byte[] xlsx(List<List<String>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("户籍导出");
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            for (int c = 0; c < ImportColumns.ALL.size(); c++) {
                s.setColumnWidth(c, 14 * 256);
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
