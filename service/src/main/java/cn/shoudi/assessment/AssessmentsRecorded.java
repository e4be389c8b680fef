package cn.shoudi.assessment;

import java.util.List;

/**
 * A page of a full re-evaluation stored new assessments for these households, in one transaction; published once per
 * page (instead of one {@link AssessmentRecorded} per household) so that monitoring reconciles the page together.
 *
 * @param householdIds the households that got a new assessment, ascending
 */
public record AssessmentsRecorded(List<Long> householdIds) {
}
