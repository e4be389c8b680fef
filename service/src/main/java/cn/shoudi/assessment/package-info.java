/**
 * Assessment (评估): evaluates a household with the published policy whenever its data changes, and keeps the
 * explained history of assessments. Publishes {@link cn.shoudi.assessment.AssessmentRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package cn.shoudi.assessment;
