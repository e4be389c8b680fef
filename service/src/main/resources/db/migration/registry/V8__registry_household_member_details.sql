-- Registry details the policy reads: housing, water, registration and 低保 on the household; health, disability,
-- schooling, insurance and labour on each member. NULL means not recorded.
ALTER TABLE registry_household ADD COLUMN house_grade VARCHAR(4);
ALTER TABLE registry_household ADD COLUMN house_renovated BOOLEAN;
ALTER TABLE registry_household ADD COLUMN relocated BOOLEAN;
ALTER TABLE registry_household ADD COLUMN water_quality_ok BOOLEAN;
ALTER TABLE registry_household ADD COLUMN family_doctor_signed BOOLEAN;
ALTER TABLE registry_household ADD COLUMN low_income_allowance BOOLEAN;
ALTER TABLE registry_household ADD COLUMN registered_year INT;
ALTER TABLE registry_household ADD COLUMN exit_year INT;
ALTER TABLE registry_household ADD COLUMN main_cause VARCHAR(20);
ALTER TABLE registry_member ADD COLUMN health VARCHAR(10);
ALTER TABLE registry_member ADD COLUMN disability_grade INT;
ALTER TABLE registry_member ADD COLUMN schooling VARCHAR(10);
ALTER TABLE registry_member ADD COLUMN medical_insured BOOLEAN;
ALTER TABLE registry_member ADD COLUMN labour VARCHAR(10);
