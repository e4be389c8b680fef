package cn.shoudi.bench.publish;

import cn.shoudi.rules.table.TableSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a large policy out of the shipped one, for measuring publish time: the shipped workbooks unchanged, except
 * that the monitoring table (监测对象纳入) gets extra rule rows until the whole policy has the requested number of rows.
 *
 * <p>Each extra row is a variant of rows M-1 / M-2 / M-3: 一般农户 whose per-capita income lies in its own band of
 * 10 元 above 100,000 元 (bands touch, never overlap, so the table analysis finds neither overlaps nor gaps), with at
 * least one risk and unable to cope; outcomes rotate through the three monitoring categories. Every extra row gets one
 * example household in the middle of its band that fires that row alone, so the shipped examples still pass and every
 * row is tested. All rows land in one table, the worst case for the table analysis, which compares rows pairwise.
 */
public final class PolicyGenerator {

    /** File name of the workbook that receives the extra rows. */
    public static final String TABLE = "monitoring.xlsx";
    private static final String RULE_SHEET = "监测对象纳入";
    private static final String EXAMPLE_SHEET = "示例";
    private static final String[] OUTCOMES = {"边缘易致贫户", "突发严重困难户", "脱贫不稳定户"};
    private static final int BAND = 10;
    private static final int BASE_INCOME = 100_000;

    private PolicyGenerator() {
    }

    /** The number of rule rows of a policy, over all its tables. */
    public static int rowCount(List<TableSource> sources) {
        return sources.stream().filter(s -> !s.fileName().equals("parameters.xlsx"))
                .mapToInt(PolicyGenerator::ruleRows).sum();
    }

    /**
     * The shipped policy grown to {@code totalRows} rule rows.
     *
     * @param shipped   the shipped workbooks, including {@value #TABLE}
     * @param totalRows rows wanted in total; at least the shipped count
     */
    public static List<TableSource> grow(List<TableSource> shipped, int totalRows) {
        int extra = totalRows - rowCount(shipped);
        if (extra < 0) {
            throw new IllegalArgumentException("the shipped policy already has " + rowCount(shipped) + " rows");
        }
        List<TableSource> out = new ArrayList<>();
        for (TableSource s : shipped) {
            out.add(s.fileName().equals(TABLE) ? new TableSource(s.fileName(), addRows(s.bytes(), extra)) : s);
        }
        return out;
    }

    private static byte[] addRows(byte[] bytes, int extra) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet rules = wb.getSheet(RULE_SHEET);
            Sheet examples = wb.getSheet(EXAMPLE_SHEET);
            int template = lastRow(rules, 1, headerRow(rules)); // the last shipped rule row: its styles are copied
            int nextRule = template + 1;
            int nextExample = lastRow(examples, 0, 0) + 1;
            for (int k = 0; k < extra; k++) {
                String code = String.format("M-G%04d", k + 1);
                int low = BASE_INCOME + BAND * k;
                String outcome = OUTCOMES[k % OUTCOMES.length];
                Row r = rules.createRow(nextRule++);
                // B code | C class | D income <= | E income > | H risks >= | J coping | L outcome | M reason
                // | N task code | O task type | P due days
                set(rules, template, r, 1, code);
                set(rules, template, r, 2, "一般农户");
                set(rules, template, r, 3, Integer.toString(low + BAND));
                set(rules, template, r, 4, Integer.toString(low));
                set(rules, template, r, 7, "1");
                set(rules, template, r, 9, "false");
                set(rules, template, r, 11, outcome);
                set(rules, template, r, 12, "生成的基准测试规则：人均纯收入在 (" + low + ", " + (low + BAND) + "] 元之间");
                set(rules, template, r, 13, "MON-VERIFY");
                set(rules, template, r, 14, "入户核实");
                set(rules, template, r, 15, "3");
                // 示例编号 说明 评估日期 户类型 家庭人口 家庭纯收入 刚性支出 上年纯收入 风险类型 能否自身应对 三保障或饮水问题 预期结论 预期规则
                Row e = examples.createRow(nextExample++);
                String income = Integer.toString(low + BAND / 2);
                String[] values = {"G" + (k + 1), "生成的示例户", "2021-12-31", "一般农户", "1", income, "0", income,
                        "因病", "否", "否", outcome, code};
                for (int c = 0; c < values.length; c++) {
                    e.createCell(c).setCellValue(values[c]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Sheet sheet, int templateRow, Row row, int col, String value) {
        Cell c = row.createCell(col);
        Row template = sheet.getRow(templateRow);
        Cell styled = template == null ? null : template.getCell(col);
        if (styled != null) {
            c.setCellStyle(styled.getCellStyle());
        }
        c.setCellValue(value);
    }

    private static int ruleRows(TableSource s) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(s.bytes()))) {
            for (Sheet sheet : wb) {
                int header = headerRow(sheet);
                if (header >= 0) {
                    return lastRow(sheet, 1, header) - header;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 0-based row of the column titles (three below NAME / CONDITION / ACTION), or -1. */
    private static int headerRow(Sheet sheet) {
        for (Row r : sheet) {
            Cell c = r.getCell(1);
            if (c != null && "NAME".equals(c.toString().trim())) {
                return r.getRowNum() + 3; // NAME row, object-type row, snippet row, then the column titles
            }
        }
        return -1;
    }

    /** The last 0-based row before the first row at or after {@code from} whose cell in {@code col} is blank. */
    private static int lastRow(Sheet sheet, int col, int from) {
        int i = from;
        while (true) {
            Row r = sheet.getRow(i);
            Cell c = r == null ? null : r.getCell(col);
            if (c == null || c.toString().trim().isEmpty()) {
                return i - 1;
            }
            i++;
        }
    }
}
