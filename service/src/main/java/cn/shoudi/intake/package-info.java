/**
 * Intake (数据采集): department early-warning signals (部门筛查预警) received idempotently by the source's event id,
 * matched to a member by ID number, kept with their provenance, and queued for review when they match nobody.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package cn.shoudi.intake;
