CREATE TABLE "agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"party" text NOT NULL,
	"user_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"personal_number_masked" text,
	"sign_in_method" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "agreement_signatures_version_party" UNIQUE("version_id","party"),
	CONSTRAINT "agreement_signatures_party" CHECK ("agreement_signatures"."party" in ('association', 'administration'))
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"docx" "bytea" NOT NULL,
	"document" jsonb NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"sealed_pdf" "bytea",
	"sealed_at" timestamp with time zone,
	CONSTRAINT "agreement_versions_case_version" UNIQUE("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "seal_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"p12" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_version_id_agreement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_frozen_by_id_users_id_fk" FOREIGN KEY ("frozen_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A signature is evidence: once given it is never changed or removed (a new version gets new ones).
CREATE OR REPLACE FUNCTION refuse_signature_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'agreement_signatures is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_no_update_or_delete
  BEFORE UPDATE OR DELETE ON agreement_signatures
  FOR EACH ROW EXECUTE FUNCTION refuse_signature_change();
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_no_truncate
  BEFORE TRUNCATE ON agreement_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_signature_change();
--> statement-breakpoint
-- A frozen version's content and hash never change; only the taken-back mark and the sealed copy are added later.
CREATE OR REPLACE FUNCTION refuse_frozen_version_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.docx IS DISTINCT FROM OLD.docx
     OR NEW.document IS DISTINCT FROM OLD.document OR NEW.frozen_at IS DISTINCT FROM OLD.frozen_at
     OR (OLD.sealed_pdf IS NOT NULL AND NEW.sealed_pdf IS DISTINCT FROM OLD.sealed_pdf) THEN
    RAISE EXCEPTION 'agreement_versions are frozen (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreement_versions_frozen
  BEFORE UPDATE OR DELETE ON agreement_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_frozen_version_change();
