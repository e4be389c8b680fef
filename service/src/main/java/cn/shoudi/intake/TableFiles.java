package cn.shoudi.intake;

import cn.shoudi.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.shoudi.InvalidRequestException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tabular files intake accepts (XLSX, CSV in UTF-8 or GBK) into rows of text cells. */
final class TableFiles {

    private static final Logger log = LoggerFactory.getLogger(TableFiles.class);

    private TableFiles() {
    }

    /** The first sheet's rows as text, as wide as its first row; dates as yyyy-MM-dd, numbers without trailing zeros. */
    static List<List<String>> readXlsx(byte[] bytes) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<List<String>> out = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                int width = Math.max(sheet.getRow(0) == null ? 0 : sheet.getRow(0).getLastCellNum(), 0);
                for (int c = 0; c < width; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
                                .toPlainString());
                    } else {
                        cells.add(fmt.formatCellValue(cell).trim());
                    }
                }
                out.add(cells);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("无法读取该 Excel 文件，请确认它是 .xlsx 工作簿且没有损坏（事件编号 "
                    + Incidents.log(log, "cannot read an uploaded XLSX file", e) + "）");
        }
    }

    /** "UTF-8" when the bytes are valid UTF-8, else "GBK" (what Excel writes on a Chinese Windows). */
    static String csvEncoding(byte[] bytes) {
        return isUtf8(bytes) ? "UTF-8" : "GBK";
    }

    /** The rows of a CSV file in that encoding, a leading byte order mark dropped. */
    static List<List<String>> readCsv(byte[] bytes, String encoding) {
        return readCsv(new String(stripBom(bytes), Charset.forName(encoding)));
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] stripBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
                ? Arrays.copyOfRange(b, 3, b.length) : b;
    }
}
