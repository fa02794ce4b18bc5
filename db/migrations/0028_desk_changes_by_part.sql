CREATE TABLE "desk_changes_by_part" (
	"part" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- What the desk keeps of a story in this state: the lines of the lists of its state (the trash's
-- if it is in it) and the news boxes of its owners. None for no story (a row before an insert).
CREATE FUNCTION "desk_parts_of"("status" "article_status", "trashed_at" timestamptz, "owner_ids" integer[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN "status" IS NULL THEN '{}'::text[] ELSE
    array[CASE WHEN "trashed_at" IS NOT NULL THEN 'list:trash' ELSE 'list:' || "status" END]
      || array(SELECT 'news:' || "owner" FROM unnest("owner_ids") AS "owner") END
$$;--> statement-breakpoint
-- Each part a transaction changed is counted once, as it commits (the triggers of migration 0026
-- are deferred). A story's row counts its state and owners before and after, and `count` when it
-- comes, goes, or changes a column a count reads (lib/desk-queues-conditions.ts: its state, trash,
-- section, owners, published revision; a search's count also reads the list parts, as its words
-- change); a revision, note or event counts its story's state and owners; names and emptied tables
-- count `every` (desk_changes). desk_changes is locked first in every transaction that counts, so
-- that those transactions take turns on the parts' rows and cannot deadlock on them.
CREATE OR REPLACE FUNCTION "desk_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  done text := coalesce(nullif(current_setting('copydesk.desk_changed', true), ''), ',');
  parts text[] := '{}';
  changed_part text;
  story record;
BEGIN
  IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME IN ('users', 'sections') THEN
    parts := array['every'];
  ELSIF TG_TABLE_NAME = 'articles' THEN
    parts := "desk_parts_of"(OLD."status", OLD."trashed_at", OLD."owner_ids") || "desk_parts_of"(NEW."status", NEW."trashed_at", NEW."owner_ids");
    IF TG_OP <> 'UPDATE'
      OR (OLD."status", OLD."trashed_at", OLD."section_id", OLD."owner_ids", OLD."published_revision_id")
        IS DISTINCT FROM (NEW."status", NEW."trashed_at", NEW."section_id", NEW."owner_ids", NEW."published_revision_id") THEN
      parts := parts || 'count'::text;
    END IF;
  ELSE
    FOR story IN SELECT "status", "trashed_at", "owner_ids" FROM "articles" WHERE "id" IN (OLD."article_id", NEW."article_id") LOOP
      parts := parts || "desk_parts_of"(story."status", story."trashed_at", story."owner_ids");
    END LOOP;
  END IF;
  IF done = ',' THEN
    PERFORM 1 FROM "desk_changes" FOR UPDATE;
  END IF;
  FOREACH changed_part IN ARRAY parts LOOP
    IF position(',' || changed_part || ',' IN done) = 0 THEN
      IF changed_part = 'every' THEN
        UPDATE "desk_changes" SET "generation" = "generation" + 1;
      ELSE
        INSERT INTO "desk_changes_by_part" AS "counted" ("part", "generation") VALUES (changed_part, 1)
          ON CONFLICT ("part") DO UPDATE SET "generation" = "counted"."generation" + 1;
      END IF;
      done := done || changed_part || ',';
    END IF;
  END LOOP;
  PERFORM set_config('copydesk.desk_changed', done, true);
  RETURN NULL;
END
$$;
