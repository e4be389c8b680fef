-- Registry (户籍台账): villages (行政村), villager groups (村民小组), cadres (干部), households (户) with members
-- (家庭成员) and helper assignments (帮扶关系).
CREATE TABLE registry_village
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    code         VARCHAR(12)  NOT NULL,
    name         VARCHAR(50)  NOT NULL,
    poor_village BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_registry_village_code UNIQUE (code)
);

CREATE TABLE registry_cadre
(
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(50) NOT NULL,
    phone      VARCHAR(20),
    role       VARCHAR(20) NOT NULL,
    village_id BIGINT,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_cadre_village FOREIGN KEY (village_id) REFERENCES registry_village (id)
);

CREATE TABLE registry_villager_group
(
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    village_id BIGINT      NOT NULL,
    name       VARCHAR(50) NOT NULL,
    cadre_id   BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_group_village FOREIGN KEY (village_id) REFERENCES registry_village (id),
    CONSTRAINT fk_registry_group_cadre FOREIGN KEY (cadre_id) REFERENCES registry_cadre (id),
    CONSTRAINT uk_registry_group_name UNIQUE (village_id, name)
);

CREATE TABLE registry_household
(
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    household_no             VARCHAR(32)   NOT NULL,
    village_id               BIGINT        NOT NULL,
    group_id                 BIGINT        NOT NULL,
    household_class          VARCHAR(16)   NOT NULL,
    net_income               DECIMAL(14, 2) NOT NULL,
    rigid_expenditure        DECIMAL(14, 2) NOT NULL,
    previous_year_net_income DECIMAL(14, 2),
    risk_types               VARCHAR(200)  NOT NULL DEFAULT '',
    self_coping              BOOLEAN       NOT NULL,
    guarantee_issue          BOOLEAN       NOT NULL,
    version                  BIGINT        NOT NULL,
    created_at               TIMESTAMP     NOT NULL,
    updated_at               TIMESTAMP     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_registry_household_no UNIQUE (household_no),
    CONSTRAINT fk_registry_household_village FOREIGN KEY (village_id) REFERENCES registry_village (id),
    CONSTRAINT fk_registry_household_group FOREIGN KEY (group_id) REFERENCES registry_villager_group (id)
);
CREATE INDEX ix_registry_household_group ON registry_household (group_id);

CREATE TABLE registry_member
(
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    household_id BIGINT      NOT NULL,
    position     INT         NOT NULL,
    name         VARCHAR(50) NOT NULL,
    id_number    VARCHAR(18),
    sex          VARCHAR(2)  NOT NULL,
    birth_date   DATE        NOT NULL,
    relation     VARCHAR(20) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_member_household FOREIGN KEY (household_id) REFERENCES registry_household (id)
);
CREATE INDEX ix_registry_member_household ON registry_member (household_id, position);
CREATE INDEX ix_registry_member_id_number ON registry_member (id_number);

CREATE TABLE registry_helper_assignment
(
    id           BIGINT NOT NULL AUTO_INCREMENT,
    household_id BIGINT NOT NULL,
    position     INT    NOT NULL,
    cadre_id     BIGINT NOT NULL,
    start_date   DATE   NOT NULL,
    end_date     DATE,
    PRIMARY KEY (id),
    CONSTRAINT fk_registry_helper_household FOREIGN KEY (household_id) REFERENCES registry_household (id),
    CONSTRAINT fk_registry_helper_cadre FOREIGN KEY (cadre_id) REFERENCES registry_cadre (id)
);
CREATE INDEX ix_registry_helper_household ON registry_helper_assignment (household_id, position);
CREATE INDEX ix_registry_helper_cadre ON registry_helper_assignment (cadre_id);
