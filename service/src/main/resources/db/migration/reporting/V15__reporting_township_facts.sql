-- Township facts (乡镇基本情况) that no household record holds — area, land, grain, livestock, roads, clinic,
-- trainings, rectification — entered by township staff per year, each with its source.
CREATE TABLE reporting_township_fact
(
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    township_id BIGINT         NOT NULL,
    fact_year   INT            NOT NULL,
    code        VARCHAR(40)    NOT NULL,
    section     VARCHAR(20)    NOT NULL,
    label       VARCHAR(100)   NOT NULL,
    amount      DECIMAL(16, 2) NOT NULL,
    unit        VARCHAR(10)    NOT NULL,
    source      VARCHAR(200)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_reporting_township_fact UNIQUE (township_id, fact_year, code)
);
