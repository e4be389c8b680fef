package cn.shoudi.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document's frame: Chinese title and description, one tag per feature, the sign-in methods as security
 * schemes (HTTP Basic, API key header, bearer API key for every operation; the page session for the contract itself),
 * and the customizers that add {@link ProblemResponses problem responses}, {@link FileResponses Excel downloads} and
 * {@link RequestExamples example bodies}.
 */
@Configuration
class ApiContract {

    static final String BASIC = "basicAuth";
    static final String API_KEY = "apiKey";
    static final String BEARER = "bearerApiKey";
    static final String SESSION = "sessionCookie";

    @Bean
    OpenAPI shoudiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("守底 接口").version("v1").description("""
                        守底（防止返贫动态监测与帮扶）服务的 REST 接口：户籍与家庭成员、部门筛查预警信号、评估、监测任务、\
                        政策（决策表）、识别与退出程序、报表和系统管理。所有接口都要登录：人员用账号密码（HTTP Basic），\
                        部门系统等对接方用 API 密钥（请求头 X-Api-Key，或 Authorization: Bearer sd_…）。\
                        出错时返回 RFC 9457 问题详情（application/problem+json），标题和说明为中文；\
                        服务器内部错误带事件编号（incident），请联系管理员时提供。"""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("账号密码（HTTP Basic），供人员调用接口"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("API 密钥（由系统管理员签发，以 sd_ 开头），供部门系统等对接方调用"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("sd_…")
                                .description("同一 API 密钥，作为 Authorization: Bearer 凭证发送"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("页面登录后的会话；只用于查看本接口文档和 Swagger UI，调用 /api 接口须用"
                                        + "账号密码或 API 密钥")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(API_KEY),
                        new SecurityRequirement().addList(BEARER)))
                .tags(List.of(
                        tag("户籍", "户、家庭成员、行政村、村民小组、帮扶责任人，及户信息的导入导出"),
                        tag("部门信号", "部门筛查预警：医保、民政、残联等部门推送的信号及其人工匹配"),
                        tag("评估", "按决策表评估户的识别、退出与监测条件，及全乡镇重新评估"),
                        tag("监测任务", "监测对象的核查任务：签收、走访、处理和关闭"),
                        tag("政策", "政策决策表的上传、校验、模拟、审批、发布与回退"),
                        tag("程序", "识别、退出与风险消除程序（八步两评议两公示一比对一公告）"),
                        tag("报表", "乡镇报表与台账及其 Excel 导出"),
                        tag("管理", "账号、API 密钥与审计记录（系统管理员）")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer fileResponses() {
        return new FileResponses();
    }

    @Bean
    OpenApiCustomizer requestExamples() {
        return new RequestExamples(RequestExamples.RESOURCE);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
