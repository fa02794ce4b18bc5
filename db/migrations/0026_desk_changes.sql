CREATE TABLE "desk_changes" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "desk_changes_one_row" CHECK ("desk_changes"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "desk_changes" ("id", "generation") VALUES (1, 0);--> statement-breakpoint
-- Counted once per transaction, as it commits (deferred triggers fire then): the row is locked
-- last and only until the commit, so transactions writing the same stories cannot deadlock on it,
-- and a reader never sees the new count before the changes it counts.
CREATE FUNCTION "desk_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('copydesk.desk_changed', true), '') <> 'yes' THEN
    PERFORM set_config('copydesk.desk_changed', 'yes', true);
    UPDATE "desk_changes" SET "generation" = "generation" + 1;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "articles_desk_changed" AFTER INSERT OR UPDATE OR DELETE ON "articles" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "revisions_desk_changed" AFTER INSERT OR UPDATE OR DELETE ON "revisions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "notes_desk_changed" AFTER INSERT OR UPDATE OR DELETE ON "notes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "workflow_events_desk_changed" AFTER INSERT OR UPDATE OR DELETE ON "workflow_events" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
-- The lists and the news box name people and sections; their other columns (a role, a desk view) change nothing kept.
CREATE CONSTRAINT TRIGGER "users_desk_changed" AFTER UPDATE OF "name" OR DELETE ON "users" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "sections_desk_changed" AFTER UPDATE OF "name" OR DELETE ON "sections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
-- Emptied tables (tests do so) have no rows to fire for: counted at once.
CREATE TRIGGER "articles_desk_emptied" AFTER TRUNCATE ON "articles" FOR EACH STATEMENT EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE TRIGGER "revisions_desk_emptied" AFTER TRUNCATE ON "revisions" FOR EACH STATEMENT EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE TRIGGER "notes_desk_emptied" AFTER TRUNCATE ON "notes" FOR EACH STATEMENT EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE TRIGGER "workflow_events_desk_emptied" AFTER TRUNCATE ON "workflow_events" FOR EACH STATEMENT EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE TRIGGER "users_desk_emptied" AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "desk_changed"();--> statement-breakpoint
CREATE TRIGGER "sections_desk_emptied" AFTER TRUNCATE ON "sections" FOR EACH STATEMENT EXECUTE FUNCTION "desk_changed"();
