-- Assessments (评估): one row per evaluation of a household under a policy version, with its decisions and the
-- findings that explain them. assessment_head holds the latest assessment per household and serialises
-- concurrent evaluations of one household.
CREATE TABLE assessment
(
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    household_id      BIGINT      NOT NULL,
    household_version BIGINT      NOT NULL,
    policy_version    VARCHAR(64) NOT NULL,
    as_of             DATE        NOT NULL,
    inputs_hash       CHAR(64)    NOT NULL,
    created_at        TIMESTAMP   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_assessment_household ON assessment (household_id, id);

CREATE TABLE assessment_decision
(
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    assessment_id BIGINT      NOT NULL,
    position      INT         NOT NULL,
    table_id      VARCHAR(40) NOT NULL,
    title         VARCHAR(100) NOT NULL,
    outcome       VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_assessment_decision FOREIGN KEY (assessment_id) REFERENCES assessment (id)
);
CREATE INDEX ix_assessment_decision ON assessment_decision (assessment_id, position);

CREATE TABLE assessment_finding
(
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    assessment_id BIGINT       NOT NULL,
    position      INT          NOT NULL,
    table_id      VARCHAR(40)  NOT NULL,
    table_title   VARCHAR(100) NOT NULL,
    file_name     VARCHAR(100) NOT NULL,
    sheet         VARCHAR(100) NOT NULL,
    row_no        INT          NOT NULL,
    code          VARCHAR(40)  NOT NULL,
    outcome       VARCHAR(50),
    reason        VARCHAR(500),
    outputs       TEXT         NOT NULL,
    tested        TEXT         NOT NULL,
    parameters    TEXT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_assessment_finding FOREIGN KEY (assessment_id) REFERENCES assessment (id)
);
CREATE INDEX ix_assessment_finding ON assessment_finding (assessment_id, position);

CREATE TABLE assessment_head
(
    household_id   BIGINT      NOT NULL,
    assessment_id  BIGINT      NOT NULL,
    policy_version VARCHAR(64) NOT NULL,
    inputs_hash    CHAR(64)    NOT NULL,
    as_of          DATE        NOT NULL,
    PRIMARY KEY (household_id)
);
