-- A task is raised once per continuous run ("streak") of assessments carrying its finding: raised_assessment_id is
-- the assessment that raised it (it never changes), and findings keep their task code as a column to find streaks.
ALTER TABLE monitoring_task ADD COLUMN raised_assessment_id BIGINT NOT NULL DEFAULT 0;
UPDATE monitoring_task SET raised_assessment_id = assessment_id;
ALTER TABLE assessment_finding ADD COLUMN task_code VARCHAR(40);
CREATE INDEX ix_assessment_finding_task ON assessment_finding (assessment_id, task_code);
CREATE INDEX ix_monitoring_task_raised ON monitoring_task (household_id, task_code, raised_assessment_id);
