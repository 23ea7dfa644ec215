ALTER TYPE "public"."token_purpose" ADD VALUE 'organisation_membership';--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Issue 13: a membership counts once the person has agreed to it. Rows from before this migration
-- count as agreed from when they were made, except those of people who never set a password: they
-- had an unanswered invitation, were treated as not yet active, and still are.
UPDATE "organisation_memberships" AS m SET "accepted_at" = m."created_at"
  FROM "users" AS u WHERE u."id" = m."user_id" AND u."password_hash" IS NOT NULL;
