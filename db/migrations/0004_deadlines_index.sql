DROP INDEX "case_deadlines_one_open";--> statement-breakpoint
CREATE INDEX "case_deadlines_case" ON "case_deadlines" USING btree ("case_id","kind");