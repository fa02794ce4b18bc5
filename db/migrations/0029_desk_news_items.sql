-- The news box's changes (status changes and notes by others on my stories) apart from the
-- headlines it shows them with: an autosave of one of my stories changes its headline, not what
-- happened to it, so the news box reads again one headline per line rather than all of its news
-- (lib/desk-news.ts). `news-items:<owner>` counts, for each owner of the story, a note or event
-- that comes, goes or changes, and a story that comes, goes or changes owners; `news:<owner>`
-- still counts every change to the story (migration 0028).
CREATE OR REPLACE FUNCTION "desk_news_items_of"("owner_ids" integer[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array(SELECT 'news-items:' || "owner" FROM unnest("owner_ids") AS "owner"), '{}'::text[])
$$;--> statement-breakpoint
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
    IF TG_OP <> 'UPDATE' OR OLD."owner_ids" IS DISTINCT FROM NEW."owner_ids" THEN
      parts := parts || "desk_news_items_of"(OLD."owner_ids") || "desk_news_items_of"(NEW."owner_ids");
    END IF;
  ELSE
    FOR story IN SELECT "status", "trashed_at", "owner_ids" FROM "articles" WHERE "id" IN (OLD."article_id", NEW."article_id") LOOP
      parts := parts || "desk_parts_of"(story."status", story."trashed_at", story."owner_ids");
      IF TG_TABLE_NAME IN ('notes', 'workflow_events') THEN
        parts := parts || "desk_news_items_of"(story."owner_ids");
      END IF;
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
$$;--> statement-breakpoint
-- The desk's filter of people (lib/users.ts `listStaff`) is kept until `every` changes: a person
-- who comes, is renamed, is disabled or enabled, or goes.
DROP TRIGGER "users_desk_changed" ON "users";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "users_desk_changed" AFTER INSERT OR UPDATE OF "name", "is_disabled" OR DELETE ON "users" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();
