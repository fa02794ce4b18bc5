-- A search's counts count the desk's smaller lists each (lib/desk-queues-counts.ts): through an index
-- of the words (and owners) of that list's stories alone, a common word's count reads its matches in
-- the list, not every story it is in, and "mine" is matched in the index, not story by story.
CREATE INDEX "articles_search_draft" ON "articles" USING gin ("current_search_vector","owner_ids") WHERE "articles"."trashed_at" is null and "articles"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "articles_search_in_review" ON "articles" USING gin ("current_search_vector","owner_ids") WHERE "articles"."trashed_at" is null and "articles"."status" = 'in_review';--> statement-breakpoint
CREATE INDEX "articles_search_changes_requested" ON "articles" USING gin ("current_search_vector","owner_ids") WHERE "articles"."trashed_at" is null and "articles"."status" = 'changes_requested';--> statement-breakpoint
CREATE INDEX "articles_search_scheduled" ON "articles" USING gin ("current_search_vector","owner_ids") WHERE "articles"."trashed_at" is null and "articles"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "articles_search_trash" ON "articles" USING gin ("current_search_vector") WHERE "articles"."trashed_at" is not null;