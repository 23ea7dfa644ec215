CREATE TABLE "case_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" text NOT NULL,
	"cleared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
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
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"diary_number" text,
	"state" text NOT NULL,
	"stage" text NOT NULL,
	"machine_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"assigned_caseworker_id" uuid,
	"outcome" text,
	"previous_case_id" uuid,
	"created_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_diary_number_unique" UNIQUE("diary_number")
);
--> statement-breakpoint
CREATE TABLE "diary_sequences" (
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "case_event_id" bigint;--> statement-breakpoint
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_caseworker_id_users_id_fk" FOREIGN KEY ("assigned_caseworker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_sequences" ADD CONSTRAINT "diary_sequences_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_deadlines_open" ON "case_deadlines" USING btree ("kind","due_on") WHERE "case_deadlines"."cleared_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_deadlines_one_open" ON "case_deadlines" USING btree ("case_id","kind") WHERE "case_deadlines"."cleared_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_case_revision" ON "case_events" USING btree ("case_id","revision");--> statement-breakpoint
CREATE INDEX "cases_district_stage" ON "cases" USING btree ("district_id","stage","updated_at");--> statement-breakpoint
CREATE INDEX "cases_organisation" ON "cases" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_assigned" ON "cases" USING btree ("assigned_caseworker_id","stage");--> statement-breakpoint
CREATE INDEX "cases_previous" ON "cases" USING btree ("previous_case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diary_sequences_pk" ON "diary_sequences" USING btree ("district_id","year");--> statement-breakpoint
CREATE INDEX "email_outbox_case" ON "email_outbox" USING btree ("case_id");