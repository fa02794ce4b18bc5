CREATE TABLE "desk_changes_by_part" (
	"part" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- What the desk keeps of a story in this state: the lines of the lists of its state (the trash's
-- if it is in it) and the news boxes of its owners.
CREATE FUNCTION "desk_parts_of"("story" "articles") RETURNS text[] LANGUAGE sql AS $$
  SELECT CASE WHEN "story"."id" IS NULL THEN '{}'::text[] ELSE
    array[CASE WHEN "story"."trashed_at" IS NOT NULL THEN 'list:trash' ELSE 'list:' || "story"."status" END]
      || array(SELECT 'news:' || "owner" FROM unnest("story"."owner_ids") AS "owner") END
$$;--> statement-breakpoint
-- The columns of a story that no desk count reads (lib/desk-queues-conditions.ts): changing only
-- these leaves the counts as they were, unless a count searches (it then reads the list parts too).
CREATE FUNCTION "desk_uncounted_columns"() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array['updated_at', 'version', 'current_revision_id', 'current_headline', 'current_search_vector']
$$;--> statement-breakpoint
-- Each part a transaction changed is counted once, as it commits (the triggers of migration 0026
-- are deferred). A story's row counts its state and owners before and after, and `count` unless
-- only what no count reads changed (its time, version and current revision's words: a search's
-- count also reads the list parts); a revision, note or event counts its story's state and
-- owners; names and emptied tables count `every` (desk_changes). desk_changes is locked first in
-- every transaction that counts, so that those transactions take turns on the parts' rows and
-- cannot deadlock on them.
CREATE OR REPLACE FUNCTION "desk_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  done text := coalesce(nullif(current_setting('copydesk.desk_changed', true), ''), ',');
  parts text[] := '{}';
  changed_part text;
  story "articles";
BEGIN
  IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME IN ('users', 'sections') THEN
    parts := array['every'];
  ELSIF TG_TABLE_NAME = 'articles' THEN
    parts := "desk_parts_of"(OLD) || "desk_parts_of"(NEW);
    IF TG_OP <> 'UPDATE' OR (to_jsonb(OLD) - "desk_uncounted_columns"()) IS DISTINCT FROM (to_jsonb(NEW) - "desk_uncounted_columns"()) THEN
      parts := parts || 'count'::text;
    END IF;
  ELSE
    FOR story IN SELECT * FROM "articles" WHERE "id" IN (OLD."article_id", NEW."article_id") LOOP
      parts := parts || "desk_parts_of"(story);
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
