/**
 * Monitoring (监测帮扶): turns findings into follow-up tasks for the responsible cadre — at most one open task per
 * household and task code — and keeps every task's history; tasks are never deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package cn.shoudi.monitoring;
