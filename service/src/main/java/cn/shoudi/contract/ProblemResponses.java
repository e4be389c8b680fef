package cn.shoudi.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the RFC 9457 problem-details answers ({@code application/problem+json}, the shape {@code Problems} and the
 * security filters write) to every operation, as they apply: 401, 403 and 500 everywhere; 400 where the request
 * carries parameters or a body; 404 where the path names a record; 409 on writes (a record changed by someone else, a
 * step not allowed in the current state). An answer an operation already declares is kept.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "application/problem+json";
    static final String SCHEMA = "Problem";

    private static final Map<String, String> TEXTS = Map.of(
            "400", "请求有误：参数或提交的数据不合规（errors 逐条列出问题）",
            "401", "未登录或凭证无效",
            "403", "当前账号的角色或数据范围不允许此操作",
            "404", "所指的记录不存在或不在当前账号的数据范围内",
            "409", "与当前状态冲突：记录已被他人修改，或此操作在当前状态下不允许",
            "500", "服务器内部错误（incident 为事件编号，日志中有详情）");

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(SCHEMA, problemSchema());
        TEXTS.forEach((status, text) -> api.getComponents().addResponses("Problem" + status, new ApiResponse()
                .description(text)
                .content(new Content().addMediaType(PROBLEM,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))))));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            add(operation, "401");
            add(operation, "403");
            if (operation.getRequestBody() != null
                    || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                add(operation, "400");
            }
            if (path.contains("{")) {
                add(operation, "404");
            }
            if (WRITES.contains(method)) {
                add(operation, "409");
            }
            add(operation, "500");
        }));
    }

    private static void add(Operation operation, String status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status,
                new ApiResponse().$ref("#/components/responses/Problem" + status));
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> schema = typed("object").description("RFC 9457 问题详情");
        schema.addProperty("type", typed("string").format("uri-reference")
                .description("问题类型，形如 urn:shoudi:problem:invalid-data"));
        schema.addProperty("title", typed("string").description("问题的中文标题"));
        schema.addProperty("status", typed("integer").description("HTTP 状态码"));
        schema.addProperty("detail", typed("string").description("中文说明"));
        schema.addProperty("instance", typed("string").format("uri-reference").description("出问题的请求路径"));
        schema.addProperty("errors", typed("array").items(typed("string"))
                .description("逐条列出的数据问题（400 时）"));
        schema.addProperty("incident", typed("string").description("事件编号（500 时），日志中按此编号查详情"));
        schema.setRequired(List.of("title", "status"));
        return schema;
    }

    /** A schema of one JSON type, written the OpenAPI 3.1 way ({@code types}) and the 3.0 way ({@code type}). */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }
}
