-- The lines the temporal model has added, so that an InitiativeAdded delivered again adds nothing
-- (line_state itself is indexed by line for its current rows only).
CREATE TABLE line_state_line (
    initiative_id varchar(64) PRIMARY KEY
);
INSERT INTO line_state_line SELECT DISTINCT initiative_id FROM line_state;
