/**
 * Security (安全): accounts with one role each (政策业务人员, 乡镇领导, 帮扶干部, 扶贫信息员, 部门接口, 系统管理员), sign-in
 * for pages (form, CSRF, secure session cookie) and the API (API keys for integrations, HTTP Basic for people),
 * endpoint rules by role, login throttling, request size limits and the audit of logins, writes and exports. Data
 * scoping within an allowed endpoint is done by each feature through {@link cn.shoudi.Viewer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package cn.shoudi.security;
