CREATE TYPE "public"."account_event_kind" AS ENUM('registered_with_eid', 'identity_linked', 'signed_in_eid');--> statement-breakpoint
CREATE TABLE "account_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "account_event_kind" NOT NULL,
	"sign_in_method" text,
	"personal_number_masked" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_events_user" ON "account_events" USING btree ("user_id","at");--> statement-breakpoint
-- Hand-written: an account's history is append-only, like case_events (0002); the database refuses
-- to change or remove a row, so no code path can rewrite who linked which identity when.
CREATE OR REPLACE FUNCTION refuse_account_events_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'account_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER account_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON account_events
  FOR EACH ROW EXECUTE FUNCTION refuse_account_events_change();
--> statement-breakpoint
CREATE TRIGGER account_events_no_truncate
  BEFORE TRUNCATE ON account_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_account_events_change();
