-- AlterTable
ALTER TABLE "AuditVerification" ADD COLUMN     "headHash" TEXT,
ADD COLUMN     "headSeq" BIGINT;

-- Audit events are append-only: the database itself refuses to change or delete them (the hash
-- chain detects what someone with superuser rights might still do).
CREATE FUNCTION "flightdeck_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "flightdeck_audit_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "flightdeck_audit_append_only"();
