ALTER TABLE "organisations" ADD COLUMN "payment_account_type" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "payment_account_number" text;