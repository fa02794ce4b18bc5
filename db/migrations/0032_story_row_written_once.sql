-- An autosave updates the story's newest revision in place, and then the story itself (its version,
-- its time, its current revision, whose words the trigger of migration 0027 copies onto it then).
-- The revision's own trigger (migration 0030) had copied the words onto the story already, so every
-- autosave wrote the story's row twice, each time into every index of `articles`, and the embedded
-- database has no autovacuum to clear the old copies. It now runs as the transaction commits, and
-- copies only words the story does not hold by then: after a save, none; after a revision written
-- in place by any other path, those. (A table with such pending events may not be indexed in the
-- same transaction: a later migration that writes revisions indexes them first.)
DROP TRIGGER "revisions_copied_to_current_stories" ON "revisions";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "revisions_copy_to_current_stories"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" a SET "current_search_vector" = r."search_vector" FROM "revisions" r
    WHERE r."id" = NEW."id" AND a."current_revision_id" = r."id"
      AND a."current_search_vector" IS DISTINCT FROM r."search_vector";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "revisions_copied_to_current_stories" AFTER UPDATE OF "headline", "standfirst", "body_text" ON "revisions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."search_vector" IS DISTINCT FROM NEW."search_vector")
  EXECUTE FUNCTION "revisions_copy_to_current_stories"();
