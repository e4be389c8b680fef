-- Township (乡镇) above villages, and the registry data a township report's ledgers (台账) are made of:
-- housing appraisal and use, relocation year and drinking-water point on the household; 低保 coverage, public-welfare
-- job, chronic-disease card and education aid on each member; water points, housing works, industries and dropout
-- cases (控辍保学) as per-household records. NULL means not recorded.
CREATE TABLE registry_township
(
    id     BIGINT      NOT NULL AUTO_INCREMENT,
    code   VARCHAR(12) NOT NULL,
    name   VARCHAR(50) NOT NULL,
    county VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_registry_township_code UNIQUE (code)
);
ALTER TABLE registry_village ADD COLUMN township_id BIGINT;
ALTER TABLE registry_village ADD CONSTRAINT fk_registry_village_township FOREIGN KEY (township_id) REFERENCES registry_township (id);
ALTER TABLE registry_cadre ADD COLUMN township_id BIGINT;
ALTER TABLE registry_cadre ADD CONSTRAINT fk_registry_cadre_township FOREIGN KEY (township_id) REFERENCES registry_township (id);

CREATE TABLE registry_water_point
(
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    village_id   BIGINT         NOT NULL,
    name         VARCHAR(100)   NOT NULL,
    kind         VARCHAR(10)    NOT NULL,
    built_year   INT,
    investment   DECIMAL(14, 2) NOT NULL DEFAULT 0,
    keeper_name  VARCHAR(50),
    keeper_phone VARCHAR(20),
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_water_point_village FOREIGN KEY (village_id) REFERENCES registry_village (id)
);

ALTER TABLE registry_household ADD COLUMN house_use VARCHAR(10);
ALTER TABLE registry_household ADD COLUMN house_buildings INT;
ALTER TABLE registry_household ADD COLUMN relocation_year INT;
ALTER TABLE registry_household ADD COLUMN water_point_id BIGINT;
ALTER TABLE registry_household ADD CONSTRAINT fk_registry_household_water FOREIGN KEY (water_point_id) REFERENCES registry_water_point (id);
CREATE INDEX ix_registry_household_village ON registry_household (village_id, household_class);

ALTER TABLE registry_member ADD COLUMN low_income_allowance BOOLEAN;
ALTER TABLE registry_member ADD COLUMN public_welfare_job BOOLEAN;
ALTER TABLE registry_member ADD COLUMN chronic_card BOOLEAN;
ALTER TABLE registry_member ADD COLUMN education_aid VARCHAR(10);

CREATE TABLE registry_housing_work
(
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    household_id BIGINT      NOT NULL,
    work_year    INT         NOT NULL,
    kind         VARCHAR(10) NOT NULL,
    method       VARCHAR(20) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_housing_work FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_housing_work ON registry_housing_work (household_id);

CREATE TABLE registry_household_industry
(
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    household_id BIGINT         NOT NULL,
    industry     VARCHAR(20)    NOT NULL,
    quantity     DECIMAL(12, 2),
    unit         VARCHAR(10),
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_household_industry FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_household_industry ON registry_household_industry (household_id);

CREATE TABLE registry_dropout_case
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    household_id BIGINT       NOT NULL,
    member_name  VARCHAR(50)  NOT NULL,
    id_number    VARCHAR(18),
    found_on     DATE         NOT NULL,
    reason       VARCHAR(100) NOT NULL,
    outcome      VARCHAR(100) NOT NULL,
    resolved_on  DATE,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_dropout_case FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_dropout_case ON registry_dropout_case (household_id);
