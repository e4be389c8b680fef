package cn.shoudi.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes the downloads as what they are: every endpoint that answers raw bytes ({@code byte[]}) sends an Excel
 * workbook (reports, ledgers, the import template and export, decision tables), so its success answer is an XLSX file
 * rather than the JSON every other endpoint produces.
 */
final class FileResponses implements OpenApiCustomizer {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (ok != null && ok.getContent() != null
                    && ok.getContent().values().stream().anyMatch(FileResponses::bytes)) {
                Schema<Object> file = new Schema<>();
                file.setType("string");
                file.addType("string");
                file.setFormat("binary");
                ok.description("Excel 文件（.xlsx），文件名见 Content-Disposition")
                        .content(new Content().addMediaType(XLSX, new MediaType().schema(file)));
            }
        }));
    }

    private static boolean bytes(MediaType media) {
        Schema<?> schema = media.getSchema();
        return schema != null && "byte".equals(schema.getFormat()) && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string"));
    }
}
