/**
 * Procedures (程序): the guarded workflows through which people decide what the rules propose — 识别 (建档立卡),
 * 退出, 纳入监测 (with its 绿色通道) and 风险消除 — step by step with dates, actors and deadlines; a completed
 * procedure is what changes a household's status in the registry.
 */
@ApplicationModule(displayName = "Procedures")
package cn.shoudi.procedure;

import org.springframework.modulith.ApplicationModule;
