-- An approved version may be published from a future date (生效日期): the scheduler publishes it on that day.
ALTER TABLE policy_version ADD COLUMN publish_on DATE;
