-- The desk's search finds a word being typed by its beginning in the search vector (lib/desk-queues-conditions.ts),
-- no longer in the headline as typed: the story's copy of its current headline, and its trigram
-- index, are read by nothing, and the triggers of migration 0027 copy the search vector alone.
DROP INDEX "articles_headline_trgm";--> statement-breakpoint
ALTER TABLE "articles" DROP COLUMN "current_headline";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "articles_copy_current_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."search_vector" INTO NEW."current_search_vector" FROM "revisions" r WHERE r."id" = NEW."current_revision_id";
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "revisions_copy_to_current_stories"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" SET "current_search_vector" = NEW."search_vector" WHERE "current_revision_id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER "revisions_copied_to_current_stories" ON "revisions";--> statement-breakpoint
CREATE TRIGGER "revisions_copied_to_current_stories" AFTER UPDATE OF "headline", "standfirst", "body_text" ON "revisions" FOR EACH ROW
  WHEN (OLD."search_vector" IS DISTINCT FROM NEW."search_vector")
  EXECUTE FUNCTION "revisions_copy_to_current_stories"();
