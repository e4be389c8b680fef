package cn.shoudi.rules.table;

import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The error for a file that cannot be read as a workbook, or a rule sheet Drools cannot parse, in words policy staff
 * can act on: the library's own text (Apache POI's, Drools') and exception names go to the log only, under an
 * incident number that the message gives.
 */
final class UnreadableWorkbook {

    private static final Logger log = LoggerFactory.getLogger(UnreadableWorkbook.class);

    private UnreadableWorkbook() {
    }

    /** A file that did not open as an XLSX workbook. */
    static TableError of(String fileName, Exception e) {
        String incident = incident();
        log.warn("incident {}: {} cannot be read as an XLSX workbook", incident, fileName, e);
        return new TableError(CellRef.of(fileName, "", 0, -1), "NOT_A_WORKBOOK", reasonZh(e) + "（事件编号 " + incident
                + "）", "cannot read the file as an XLSX workbook (incident " + incident + ", details in the log)");
    }

    /** A rule sheet whose layout Drools' decision-table parser refused. */
    static TableError unparsable(String fileName, String sheet, RuntimeException e) {
        String incident = incident();
        log.warn("incident {}: Drools cannot parse the rule sheet {} of {}", incident, sheet, fileName, e);
        return new TableError(CellRef.of(fileName, sheet, 0, -1), "DECISION_TABLE_PARSE",
                "规则工作表的结构无法识别：请对照模板检查 RuleSet、RuleTable、CONDITION/ACTION 标题行和对象类型行（事件编号 "
                        + incident + "）",
                "Drools cannot parse the rule sheet (incident " + incident + ", details in the log)");
    }

    private static String reasonZh(Exception e) {
        if (e instanceof EmptyFileException) {
            return "文件是空的，请重新选择工作簿";
        }
        if (e instanceof EncryptedDocumentException) {
            return "工作簿设置了打开密码，请取消密码后另存再上传";
        }
        if (e instanceof OfficeXmlFileException || e instanceof NotOLE2FileException || isOldExcel(e)) {
            return "文件不是 Excel 工作簿（.xlsx），如为旧版 .xls 或 .et 格式，请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx";
        }
        return "无法读取该文件，请确认它是 Excel 工作簿（.xlsx）且没有损坏";
    }

    private static boolean isOldExcel(Exception e) {
        return e.getClass().getSimpleName().startsWith("OLE2") || e.getClass().getSimpleName().startsWith("OldExcel");
    }

    private static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
