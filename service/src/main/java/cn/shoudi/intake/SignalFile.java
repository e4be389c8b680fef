package cn.shoudi.intake;

import cn.shoudi.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a department's batch file (部门批量文件) into signal records. Formats: JSON lines (one JSON object a line with
 * the fields of {@code POST /api/signals}: source, eventId, kind, amount, date, idNumber, detail), or a CSV (UTF-8 or
 * GBK) or XLSX table whose first row names the columns, by those field names or in Chinese (来源部门, 事件编号, 信号类型,
 * 金额, 事件日期, 身份证号, 说明). A record that cannot be read is kept with what is wrong with it, so that it is reported
 * beside the others; a file that cannot be read at all, lacks a column, holds no record or more than the limit is
 * refused whole.
 */
final class SignalFile {

    /** The formats a batch may come in. */
    enum Format { JSONL, CSV, XLSX }

    /**
     * One record of the file.
     *
     * @param number     its line (JSON lines) or row (CSV, XLSX, the column names being row 1) number
     * @param signal     the signal as read, a field that could not be read being null; null when the whole line could
     *                   not be read
     * @param unreadable field name → what is wrong with its value, for fields given but unreadable; for a line that
     *                   could not be read, what is wrong with it under the key {@code line}
     */
    record Line(int number, SignalService.Incoming signal, Map<String, String> unreadable) {
    }

    private static final List<String> FIELDS = List.of("source", "eventId", "kind", "amount", "date", "idNumber",
            "detail");
    private static final Map<String, String> COLUMNS = columns();
    private static final List<String> REQUIRED = List.of("eventId", "kind", "date", "idNumber");

    private SignalFile() {
    }

    /** The format of an uploaded file by its name: .jsonl/.ndjson/.json, .csv or .xlsx. */
    static Format formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        throw new InvalidRequestException("请上传 .jsonl（每行一个 JSON 对象）、.csv 或 .xlsx 文件");
    }

    /**
     * The file's records in order, blank lines and rows skipped.
     *
     * @throws InvalidRequestException when the file cannot be read, lacks a column, is empty or holds more than
     *                                 {@code maxRecords} records
     */
    static List<Line> read(Format format, byte[] bytes, JsonMapper json, int maxRecords) {
        List<Line> lines = switch (format) {
            case JSONL -> jsonLines(bytes, json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS),
                    maxRecords);
            case CSV -> table(TableFiles.readCsv(bytes, TableFiles.csvEncoding(bytes)), maxRecords);
            case XLSX -> table(TableFiles.readXlsx(bytes), maxRecords);
        };
        if (lines.isEmpty()) {
            throw new InvalidRequestException("文件中没有信号记录");
        }
        return lines;
    }

    private static List<Line> jsonLines(byte[] bytes, ObjectReader json, int maxRecords) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8))) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                limit(out.size() + 1, maxRecords);
                out.add(jsonLine(number, text, json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Line jsonLine(int number, String text, ObjectReader json) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return unreadable(number, "该行不是有效的 JSON");
        }
        if (node == null || !node.isObject()) {
            return unreadable(number, "该行应为一个 JSON 对象，例如 {\"eventId\":\"YB-1\",…}");
        }
        Map<String, String> fields = new HashMap<>();
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isNumber()) {
                fields.put(field, value.decimalValue().toPlainString());
            } else if (value.isValueNode()) {
                fields.put(field, value.asString());
            } else {
                wrong.put(field, "字段 " + field + " 应为文字或数字");
            }
        }
        return line(number, fields, wrong);
    }

    private static List<Line> table(List<List<String>> rows, int maxRecords) {
        if (rows.isEmpty()) {
            throw new InvalidRequestException("文件中没有信号记录");
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            String field = COLUMNS.get(header.get(c).trim().replace("\uFEFF", ""));
            if (field != null) {
                at.putIfAbsent(field, c);
            }
        }
        List<String> missing = REQUIRED.stream().filter(f -> !at.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("文件缺少列：" + String.join("、", missing.stream()
                    .map(SignalFile::label).toList()) + "。第一行应为列名：来源部门（可省略）、事件编号、信号类型、金额、"
                    + "事件日期、身份证号、说明");
        }
        List<Line> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            limit(out.size() + 1, maxRecords);
            Map<String, String> fields = new HashMap<>();
            at.forEach((field, c) -> {
                if (c < row.size()) {
                    fields.put(field, row.get(c));
                }
            });
            out.add(line(r + 1, fields, new LinkedHashMap<>()));
        }
        return out;
    }

    /** A record from its fields as text: the amount and the date parsed, blank fields null. */
    private static Line line(int number, Map<String, String> fields, Map<String, String> wrong) {
        BigDecimal amount = null;
        String a = blankToNull(fields.get("amount"));
        if (a != null) {
            try {
                amount = new BigDecimal(a.replace(",", ""));
            } catch (NumberFormatException e) {
                wrong.put("amount", "金额“" + shown(a) + "”不是数字");
            }
        }
        LocalDate date = null;
        String d = blankToNull(fields.get("date"));
        if (d != null) {
            try {
                date = LocalDate.parse(d.replace('/', '-'));
            } catch (DateTimeParseException e) {
                wrong.put("date", "事件日期“" + shown(d) + "”无效，应写成 2021-06-01");
            }
        }
        return new Line(number, new SignalService.Incoming(blankToNull(fields.get("source")),
                blankToNull(fields.get("eventId")), blankToNull(fields.get("kind")), amount, date,
                blankToNull(fields.get("idNumber")), blankToNull(fields.get("detail"))), wrong);
    }

    private static Line unreadable(int number, String problem) {
        return new Line(number, null, Map.of("line", problem));
    }

    private static void limit(int records, int maxRecords) {
        if (records > maxRecords) {
            throw new InvalidRequestException("一个批次最多 " + maxRecords + " 条记录，请把文件拆分后分批报送");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String shown(String value) {
        return value.length() <= 30 ? value : value.substring(0, 30) + "…";
    }

    private static String label(String field) {
        return COLUMNS.entrySet().stream().filter(e -> e.getValue().equals(field) && !e.getKey().equals(field))
                .map(Map.Entry::getKey).findFirst().orElse(field) + "（" + field + "）";
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String field : FIELDS) {
            m.put(field, field);
        }
        m.put("来源部门", "source");
        m.put("部门", "source");
        m.put("事件编号", "eventId");
        m.put("信号类型", "kind");
        m.put("类型", "kind");
        m.put("金额", "amount");
        m.put("事件日期", "date");
        m.put("日期", "date");
        m.put("身份证号", "idNumber");
        m.put("说明", "detail");
        return Collections.unmodifiableMap(m);
    }
}
