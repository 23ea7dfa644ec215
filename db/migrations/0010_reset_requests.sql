CREATE TABLE "password_reset_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_key" text NOT NULL,
	"address_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "password_reset_requests_account" ON "password_reset_requests" USING btree ("account_key","created_at");--> statement-breakpoint
CREATE INDEX "password_reset_requests_address" ON "password_reset_requests" USING btree ("address_key","created_at");