package cn.shoudi.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.registry.HouseholdData;
import cn.shoudi.registry.MemberData;
import cn.shoudi.registry.Registrar;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.InvalidRequestException;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bulk import of a registry household export (XLSX, or CSV in UTF-8 or GBK): one row per member, household columns
 * repeated. Every row is validated before anything is written and every bad cell reported; "all or nothing" writes
 * nothing if any household is bad (and everything in one transaction), "valid rows only" writes each good household in
 * its own transaction. A household matches by household number, else by its head's ID number; unchanged households are
 * left untouched, so importing the same file twice changes nothing.
 */
@Service
public class HouseholdImport {

    /** The columns of the template and the export, in order; see {@link ImportColumns}. */
    static final List<String> HEADERS = ImportColumns.ALL;

    /** What to do when some households are bad. */
    public enum Mode { ALL_OR_NOTHING, VALID_ONLY }

    /** One bad cell: Excel row number, column letter, header, message. */
    record CellError(int row, String column, String header, String message) {
    }

    /** The result of an import. */
    @Schema(name = "ImportReport")
    record Report(String file, String encoding, int rows, int households, int created, int updated, int unchanged,
                  int rejected, boolean written, List<CellError> errors) {
    }

    private final Registrar registrar;
    private final TransactionTemplate tx;

    HouseholdImport(Registrar registrar, PlatformTransactionManager txManager) {
        this.registrar = registrar;
        this.tx = new TransactionTemplate(txManager);
    }

    Report run(String fileName, byte[] bytes, Mode mode, Long onlyVillage) {
        return run(fileName, bytes, mode, onlyVillage, (done, total) -> { }, Checkpoint.NONE);
    }

    /** Reports households validated, then written, out of the total; and each checkpoint of the writes. */
    interface Listener {
        void progress(int done, int total);

        /** Called inside the transaction of the writes the checkpoint covers: both commit, or neither. */
        default void written(Checkpoint checkpoint) {
        }
    }

    /**
     * How far an import's writes got: the first {@code written} valid households of the file (in file order) are
     * stored, with these outcomes. An import run again from a checkpoint skips them and reports their outcomes, so its
     * report is the one an undisturbed import would have given.
     */
    record Checkpoint(int written, int created, int updated, int unchanged) {

        static final Checkpoint NONE = new Checkpoint(0, 0, 0, 0);

        Checkpoint after(Registrar.Outcome outcome) {
            return new Checkpoint(written + 1, created + (outcome == Registrar.Outcome.CREATED ? 1 : 0),
                    updated + (outcome == Registrar.Outcome.UPDATED ? 1 : 0),
                    unchanged + (outcome == Registrar.Outcome.UNCHANGED ? 1 : 0));
        }
    }

    /**
     * @param onlyVillage when not null, rows of any other village are errors (a village's information officer
     *                    imports only their own village)
     * @param from        the checkpoint to continue from ({@link Checkpoint#NONE} for a new import)
     */
    Report run(String fileName, byte[] bytes, Mode mode, Long onlyVillage, Listener listener, Checkpoint from) {
        String encoding;
        List<List<String>> table;
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".xlsx")) {
            encoding = "xlsx";
            table = TableFiles.readXlsx(bytes);
        } else if (name.endsWith(".csv")) {
            encoding = TableFiles.csvEncoding(bytes);
            table = TableFiles.readCsv(bytes, encoding);
        } else {
            throw new InvalidRequestException("请上传 .xlsx 或 .csv 文件（户籍导出格式，可下载模板）");
        }
        List<CellError> errors = new ArrayList<>();
        Columns col = Columns.read(table.isEmpty() ? List.of() : table.get(0), errors);
        if (!errors.isEmpty()) {
            return new Report(fileName, encoding, Math.max(0, table.size() - 1), 0, 0, 0, 0, 0, false, errors);
        }
        Rows t = new Rows(table, col);
        Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
        for (int r = 1; r < table.size(); r++) {
            String no = t.cell(r, "户编号");
            if (no.isEmpty() && table.get(r).stream().allMatch(String::isBlank)) {
                continue;
            }
            byHousehold.computeIfAbsent(no, k -> new ArrayList<>()).add(r);
        }
        record Candidate(HouseholdData data, Long existing, List<Integer> rows) {
        }
        List<Candidate> good = new ArrayList<>();
        int rejected = 0;
        for (Map.Entry<String, List<Integer>> e : byHousehold.entrySet()) {
            int before = errors.size();
            List<Integer> rows = e.getValue();
            String headId = rows.stream().filter(r -> "户主".equals(t.cell(r, "与户主关系")))
                    .map(r -> blank(t.cell(r, "身份证号"))).filter(Objects::nonNull).findFirst().orElse(null);
            Long existing = registrar.existing(e.getKey(), headId).orElse(null);
            HouseholdData data = household(t, rows, errors, onlyVillage,
                    existing == null ? null : registrar.current(existing));
            if (data != null) {
                for (Registrar.Problem p : registrar.problems(data, existing)) {
                    errors.add(t.locate(p, rows));
                }
            }
            if (errors.size() > before || data == null) {
                rejected++;
            } else {
                good.add(new Candidate(data, existing, rows));
            }
            listener.progress(good.size() + rejected, byHousehold.size() * 2);
        }
        Checkpoint written = from;
        boolean write = mode == Mode.VALID_ONLY || errors.isEmpty();
        if (write && written.written() < good.size()) {
            if (mode == Mode.ALL_OR_NOTHING) {
                written = tx.execute(s -> {
                    Checkpoint c = Checkpoint.NONE;
                    for (Candidate g : good) {
                        c = c.after(registrar.upsert(g.data(), g.existing()));
                    }
                    listener.written(c);
                    return c;
                });
            } else {
                for (Candidate g : good.subList(written.written(), good.size())) {
                    Checkpoint before = written;
                    written = tx.execute(s -> {
                        Checkpoint c = before.after(registrar.upsert(g.data(), g.existing()));
                        listener.written(c);
                        return c;
                    });
                    listener.progress(byHousehold.size() + written.written(), byHousehold.size() * 2);
                }
            }
        }
        return new Report(fileName, encoding, table.size() - 1, byHousehold.size(), written.created(),
                written.updated(), written.unchanged(), rejected, write, errors);
    }

    /**
     * The household of some rows, merged into its stored data when it exists: a fact column the file lacks, or a blank
     * cell, keeps the stored value; the clear marker clears it; members are matched by ID number, else by name.
     */
    private HouseholdData household(Rows t, List<Integer> rows, List<CellError> errors, Long onlyVillage,
                                    HouseholdData stored) {
        int first = rows.get(0);
        int before = errors.size();
        for (int r : rows.subList(1, rows.size())) {
            for (String h : t.col.present()) {
                if (ImportColumns.householdLevel(h) && !t.cell(r, h).isEmpty() && !t.cell(r, h).equals(t.cell(first, h))) {
                    errors.add(t.error(r, h, "同一户的户级字段应与第 " + (first + 1) + " 行一致"));
                }
            }
        }
        String villageCode = t.cell(first, "行政村编码");
        Long villageId = registrar.villageByCode(villageCode).orElse(null);
        if (villageId != null && onlyVillage != null && !onlyVillage.equals(villageId)) {
            villageId = null;
        }
        if (villageId == null) {
            errors.add(t.error(first, "行政村编码", "行政村编码“" + villageCode + "”不存在"));
        }
        Long groupId = villageId == null ? null : registrar.groupByName(villageId, t.cell(first, "村民小组")).orElse(null);
        if (villageId != null && groupId == null) {
            errors.add(t.error(first, "村民小组", "该村没有村民小组“" + t.cell(first, "村民小组") + "”"));
        }
        BigDecimal net = number(t, first, "家庭纯收入", errors);
        BigDecimal rigid = number(t, first, "刚性支出", errors);
        BigDecimal previous = number(t, first, "上年纯收入", errors);
        Boolean coping = bool(t, first, "能否自身应对", errors);
        Boolean guarantee = bool(t, first, "三保障或饮水问题", errors);
        Map<String, Object> household = new LinkedHashMap<>(); // key → typed value, null = clear
        facts(t, first, ImportColumns.HOUSEHOLD_FACTS, household, errors);
        List<MemberData> members = new ArrayList<>();
        for (int r : rows) {
            LocalDate born = date(t, r, errors);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts(t, r, ImportColumns.MEMBER_FACTS, facts, errors);
            String id = blank(t.cell(r, "身份证号"));
            MemberData was = stored == null ? null : stored.members().stream()
                    .filter(m -> id != null ? id.equalsIgnoreCase(m.idNumber()) : m.name().equals(t.cell(r, "姓名")))
                    .findFirst().orElse(null);
            members.add(member(t.cell(r, "姓名"), id, t.cell(r, "性别"), born, t.cell(r, "与户主关系"), was, facts));
        }
        if (errors.size() > before) {
            return null;
        }
        String risks = t.cell(first, "风险类型");
        HouseholdData.Details x = stored == null || stored.housing() == null
                ? HouseholdData.Details.NONE : stored.housing();
        HouseholdData.Details housing = x.withFactValues(household);
        Map<String, Object> facts = new LinkedHashMap<>();
        household.forEach((k, v) -> {
            if (FactCatalogue.STANDARD.require(k).inFactsMap()) {
                facts.put(k, v);
            }
        });
        return new HouseholdData(t.cell(first, "户编号"), villageId, groupId, t.cell(first, "户类型"), net, rigid,
                previous, risks.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(risks.split("[、,，;；\\s]+"))), coping, guarantee, members, null,
                null, housing, facts);
    }

    /** A member row merged into the stored member it matches (fields the file does not carry are kept). */
    private static MemberData member(String name, String id, String sex, LocalDate born, String relation,
                                     MemberData was, Map<String, Object> facts) {
        MemberData base = was == null ? new MemberData(name, id, sex, born, relation)
                : was.withIdentity(name, id, sex, born, relation);
        return base.withFactValues(facts);
    }

    /** Reads the fact columns present in the file: blank cells are skipped, the clear marker maps to null. */
    private static void facts(Rows t, int r, Map<String, FactDefinition> columns, Map<String, Object> out,
                              List<CellError> errors) {
        for (Map.Entry<String, FactDefinition> c : columns.entrySet()) {
            if (!t.col.has(c.getKey())) {
                continue;
            }
            String text = t.cell(r, c.getKey());
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals(FactDefinition.CLEAR_MARKER)) {
                out.put(c.getValue().key(), null);
                continue;
            }
            try {
                out.put(c.getValue().key(), c.getValue().parse(text));
            } catch (IllegalArgumentException e) {
                errors.add(t.error(r, c.getKey(), e.getMessage()));
            }
        }
    }

    /** The header row: column of each header, every problem of the header reported. */
    record Columns(Map<String, Integer> index) {

        static Columns read(List<String> header, List<CellError> errors) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c) == null ? "" : header.get(c).trim().replaceAll("[(（][^)）]*[)）]$", "");
                if (h.isEmpty()) {
                    continue;
                }
                String letter = CellReference.convertNumToColString(c);
                if (!ImportColumns.ALL.contains(h)) {
                    errors.add(new CellError(1, letter, h, "表头「" + h + "」无法识别；可用的列见模板（" + String.join("、",
                            ImportColumns.ALL) + "）"));
                } else if (index.put(h, c) != null) {
                    errors.add(new CellError(1, letter, h, "表头「" + h + "」重复"));
                }
            }
            for (String required : Stream.concat(ImportColumns.HOUSEHOLD_BASICS.stream(),
                    ImportColumns.MEMBER_BASICS.stream()).toList()) {
                if (!index.containsKey(required)) {
                    errors.add(new CellError(1, "", required, "缺少必填列「" + required + "」；请使用模板"));
                }
            }
            return new Columns(index);
        }

        boolean has(String header) {
            return index.containsKey(header);
        }

        Set<String> present() {
            return index.keySet();
        }
    }

    /** The rows of a file read through its header. */
    record Rows(List<List<String>> rows, Columns col) {

        String cell(int r, String header) {
            Integer c = col.index().get(header);
            List<String> row = rows.get(r);
            return c != null && c < row.size() && row.get(c) != null ? row.get(c).trim() : "";
        }

        CellError error(int zeroBasedRow, String header, String message) {
            Integer c = col.index().get(header);
            return new CellError(zeroBasedRow + 1, c == null ? "" : CellReference.convertNumToColString(c), header,
                    message);
        }

        /** The cell of a registry validation problem: its member's row, its field's column. */
        CellError locate(Registrar.Problem p, List<Integer> rows) {
            String field = p.field();
            int row = rows.get(0);
            Matcher m = Pattern.compile("members\\[(\\d+)]\\.?([\\w.]*)")
                    .matcher(field);
            if (m.find()) {
                row = rows.get(Math.min(Integer.parseInt(m.group(1)), rows.size() - 1));
                field = m.group(2).isEmpty() ? "relation" : m.group(2);
            }
            String header = BASIC_FIELDS.getOrDefault(field, ImportColumns.headerOfField(field.replaceFirst(
                    "^facts\\.", "")).orElse(field.equals("members") ? "与户主关系" : "户编号"));
            return error(row, header, p.message());
        }
    }

    private static final Map<String, String> BASIC_FIELDS = Map.ofEntries(Map.entry("householdNo", "户编号"),
            Map.entry("villageId", "行政村编码"), Map.entry("groupId", "村民小组"), Map.entry("householdClass", "户类型"),
            Map.entry("netIncome", "家庭纯收入"), Map.entry("rigidExpenditure", "刚性支出"),
            Map.entry("previousYearNetIncome", "上年纯收入"), Map.entry("riskTypes", "风险类型"),
            Map.entry("selfCoping", "能否自身应对"), Map.entry("guaranteeIssue", "三保障或饮水问题"),
            Map.entry("name", "姓名"), Map.entry("idNumber", "身份证号"), Map.entry("sex", "性别"),
            Map.entry("birthDate", "出生日期"), Map.entry("relation", "与户主关系"));

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static BigDecimal number(Rows t, int r, String h, List<CellError> errors) {
        String v = t.cell(r, h);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(t.error(r, h, "「" + h + "」应为数字，现为「" + v + "」"));
            return null;
        }
    }

    private static Boolean bool(Rows t, int r, String h, List<CellError> errors) {
        String v = t.cell(r, h);
        return switch (v) {
            case "" -> null;
            case "是" -> Boolean.TRUE;
            case "否" -> Boolean.FALSE;
            default -> {
                errors.add(t.error(r, h, "「" + h + "」应填“是”或“否”，现为「" + v + "」"));
                yield null;
            }
        };
    }

    private static LocalDate date(Rows t, int r, List<CellError> errors) {
        String v = t.cell(r, "出生日期");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            errors.add(t.error(r, "出生日期", "出生日期「" + v + "」无效，应写成 1965-04-12"));
            return null;
        }
    }
}
