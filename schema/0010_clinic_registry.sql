-- Clinic registry maintenance from the counter's admin screens: a clinic that no longer
-- sends prescriptions is deactivated rather than deleted (its prescriptions, originals and
-- chase letters keep pointing at it). A fax from a deactivated clinic's number counts as an
-- unknown sender.
ALTER TABLE clinics ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE clinics ADD COLUMN updated_at INTEGER;
