ALTER TABLE "articles" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Existing stories entered their status at their last move to it in the audit trail, or were created in it.
UPDATE "articles" SET "status_changed_at" = coalesce((SELECT max(e."created_at") FROM "workflow_events" e WHERE e."article_id" = "articles"."id" AND e."to_status" = "articles"."status"), "articles"."created_at");--> statement-breakpoint
ALTER TABLE "mail_queue" ADD COLUMN "article_id" integer;--> statement-breakpoint
ALTER TABLE "mail_queue" ADD CONSTRAINT "mail_queue_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_status_changed" ON "articles" USING btree ("status","status_changed_at","id");--> statement-breakpoint
CREATE INDEX "articles_current_revision" ON "articles" USING btree ("current_revision_id");--> statement-breakpoint
CREATE INDEX "articles_live" ON "articles" USING btree ("published_at","id") WHERE "articles"."published_revision_id" is not null and "articles"."status" <> 'unpublished';--> statement-breakpoint
CREATE INDEX "articles_kept" ON "articles" USING btree ("updated_at","id") WHERE "articles"."trashed_at" is null;--> statement-breakpoint
CREATE INDEX "revisions_headline_trgm" ON "revisions" USING gin ("headline" gin_trgm_ops);