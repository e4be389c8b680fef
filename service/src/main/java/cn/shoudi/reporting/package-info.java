/**
 * Reporting (报表): the township report (乡镇脱贫攻坚工作报告的数据) and the ledgers (台账) behind each of its figures,
 * as JSON, a page and XLSX downloads. It reads the other features' tables read-only (a read model) and never writes
 * them; the township facts no household record holds are its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.shoudi.reporting;
