-- The intake queue's change sequence: one counter that every write to a prescription, its
-- pages or its findings bumps, whoever makes it (intake, originals, dispatch, retention).
-- The queue list derives its ETag from it, so a poll of an unchanged queue is answered
-- 304 without reading (or auditing) the list.
CREATE TABLE queue_changes (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL
);
INSERT INTO queue_changes (id, seq) VALUES (1, 0);

CREATE TRIGGER queue_changes_prescription_insert AFTER INSERT ON prescriptions
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
CREATE TRIGGER queue_changes_prescription_update AFTER UPDATE ON prescriptions
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
CREATE TRIGGER queue_changes_prescription_delete AFTER DELETE ON prescriptions
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;

CREATE TRIGGER queue_changes_page_insert AFTER INSERT ON prescription_pages
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
CREATE TRIGGER queue_changes_page_update AFTER UPDATE ON prescription_pages
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
CREATE TRIGGER queue_changes_page_delete AFTER DELETE ON prescription_pages
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;

CREATE TRIGGER queue_changes_finding_insert AFTER INSERT ON prescription_findings
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
CREATE TRIGGER queue_changes_finding_update AFTER UPDATE ON prescription_findings
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
CREATE TRIGGER queue_changes_finding_delete AFTER DELETE ON prescription_findings
BEGIN UPDATE queue_changes SET seq = seq + 1 WHERE id = 1; END;
