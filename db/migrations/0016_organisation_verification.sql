CREATE TABLE "named_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verification_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"personal_number_hash" text NOT NULL,
	"personal_number_masked" text NOT NULL,
	"user_id" uuid,
	"active_from" timestamp with time zone,
	"active_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"detail" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"document_key" text,
	"document_name" text NOT NULL,
	"document_size" integer NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_in_district" uuid,
	"decided_at" timestamp with time zone,
	"decision_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "named_signatories" ADD CONSTRAINT "named_signatories_verification_id_organisation_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."organisation_verifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_signatories" ADD CONSTRAINT "named_signatories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_signatories" ADD CONSTRAINT "named_signatories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_events" ADD CONSTRAINT "organisation_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_verifications" ADD CONSTRAINT "organisation_verifications_decided_in_district_districts_id_fk" FOREIGN KEY ("decided_in_district") REFERENCES "public"."districts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "named_signatories_hash" ON "named_signatories" USING btree ("personal_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "named_signatories_once_per_request" ON "named_signatories" USING btree ("verification_id","personal_number_hash");--> statement-breakpoint
CREATE INDEX "organisation_events_org" ON "organisation_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "organisation_verifications_org" ON "organisation_verifications" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_verifications_one_pending" ON "organisation_verifications" USING btree ("organisation_id") WHERE status = 'pending';--> statement-breakpoint
-- The förening's history is append-only, like case_events (0002): the database refuses changes.
CREATE FUNCTION organisation_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'organisation_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER organisation_events_append_only BEFORE UPDATE OR DELETE ON "organisation_events"
  FOR EACH ROW EXECUTE FUNCTION organisation_events_append_only();
