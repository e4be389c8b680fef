-- Data-correction tasks (数据更正) close by themselves when a later edit clears the finding that raised them.
ALTER TABLE monitoring_task ADD COLUMN auto_close BOOLEAN NOT NULL DEFAULT FALSE;
