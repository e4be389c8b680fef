package cn.shoudi.intake;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bulk import of households, and the template of its layout. */
@RestController
public class ImportController {

    private final HouseholdImport importer;

    ImportController(HouseholdImport importer) {
        this.importer = importer;
    }

    /** mode: ALL_OR_NOTHING (default) or VALID_ONLY. */
    @PostMapping(path = "/api/imports/households", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public HouseholdImport.Report importHouseholds(@RequestParam("file") MultipartFile file,
                                            @RequestParam(defaultValue = "ALL_OR_NOTHING") HouseholdImport.Mode mode)
            throws IOException {
        return importer.run(file.getOriginalFilename(), file.getBytes(), mode,
                cn.shoudi.Viewer.current().limitedToVillage());
    }

    /** Starts an import in the background (large files); follow its progress. */
    @PostMapping(path = "/api/imports/households/async", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<HouseholdImport.Progress> start(@RequestParam("file") MultipartFile file,
                                                  @RequestParam(defaultValue = "ALL_OR_NOTHING") HouseholdImport.Mode mode)
            throws IOException {
        HouseholdImport.Progress p = importer.start(file.getOriginalFilename(), file.getBytes(), mode,
                cn.shoudi.Viewer.current().limitedToVillage());
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/imports/" + p.id()).body(p);
    }

    @GetMapping("/api/imports/{id}")
    public ResponseEntity<HouseholdImport.Progress> progress(@PathVariable String id) {
        return ResponseEntity.of(importer.progress(id));
    }

    @GetMapping("/api/imports/households/template.xlsx")
    public ResponseEntity<byte[]> template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("户籍导出");
            Row h = s.createRow(0);
            for (int c = 0; c < HouseholdImport.HEADERS.size(); c++) {
                h.createCell(c).setCellValue(HouseholdImport.HEADERS.get(c));
                s.setColumnWidth(c, 14 * 256);
            }
            List<String> example = List.of("500243201001", "500243201", "1组", "脱贫户", "16500", "0", "17000", "因病", "否",
                    "否", "B", "因病", "冉德才", "500243196504120011", "男", "1965-04-12", "户主", "大病", "非在校", "是", "弱劳动力");
            Row e = s.createRow(1);
            for (int c = 0; c < example.size(); c++) {
                e.createCell(c).setCellValue(example.get(c));
            }
            wb.write(out);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("户籍导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
