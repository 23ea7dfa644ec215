DROP INDEX "cases_district_stage";--> statement-breakpoint
CREATE INDEX "case_deadlines_case_open" ON "case_deadlines" USING btree ("case_id","kind","due_on") WHERE "case_deadlines"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "cases_district_updated" ON "cases" USING btree ("district_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_queue_covering" ON "cases" USING btree ("district_id","stage","state","assigned_caseworker_id","updated_at","id","organisation_id","revision","outcome","diary_number","title");