CREATE TABLE "district_report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"actor_user_id" uuid,
	"actor_roles" text[] NOT NULL,
	"event_type" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"comment" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "district_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"machine_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb,
	"figures_frozen_at" timestamp with time zone,
	"created_by_id" uuid,
	"edited_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district_report_events" ADD CONSTRAINT "district_report_events_report_id_district_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."district_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_report_events" ADD CONSTRAINT "district_report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_reports" ADD CONSTRAINT "district_reports_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_reports" ADD CONSTRAINT "district_reports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_reports" ADD CONSTRAINT "district_reports_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "district_report_events_report_revision" ON "district_report_events" USING btree ("report_id","revision");--> statement-breakpoint
CREATE INDEX "district_report_events_report" ON "district_report_events" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "district_reports_district_year" ON "district_reports" USING btree ("district_id","year");--> statement-breakpoint
-- The yearly report's history is append-only, like case_events (0002).
CREATE OR REPLACE FUNCTION refuse_district_report_event_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'district_report_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER district_report_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON district_report_events
  FOR EACH ROW EXECUTE FUNCTION refuse_district_report_event_change();--> statement-breakpoint
CREATE TRIGGER district_report_events_no_truncate
  BEFORE TRUNCATE ON district_report_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_district_report_event_change();
