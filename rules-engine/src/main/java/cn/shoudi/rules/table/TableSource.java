package cn.shoudi.rules.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bytes of one workbook of a policy.
 *
 * @param fileName file name, e.g. monitoring.xlsx
 * @param bytes    XLSX content
 */
public record TableSource(String fileName, byte[] bytes) {

    /** Every *.xlsx in a folder, sorted by name (lock files of Excel and LibreOffice skipped). */
    public static List<TableSource> folder(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xlsx"))
                    .filter(p -> !p.getFileName().toString().startsWith("~$")
                            && !p.getFileName().toString().startsWith(".~lock"))
                    .sorted()
                    .map(p -> new TableSource(p.getFileName().toString(), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
