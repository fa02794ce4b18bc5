ALTER TABLE "articles" ADD COLUMN "owner_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
-- Who owns a story: its creator and every staff member on its bylines, in order, once each.
CREATE FUNCTION "article_owners"("article" integer, "creator" integer) RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT array(SELECT "creator" UNION SELECT a."user_id" FROM "article_authors" a WHERE a."article_id" = "article" AND a."user_id" IS NOT NULL ORDER BY 1)
$$;--> statement-breakpoint
CREATE FUNCTION "articles_set_owners"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."owner_ids" := "article_owners"(NEW."id", NEW."created_by");
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "articles_owners" BEFORE INSERT OR UPDATE OF "created_by" ON "articles" FOR EACH ROW EXECUTE FUNCTION "articles_set_owners"();--> statement-breakpoint
-- Bylines written or removed: once per statement, for the stories whose bylines changed.
CREATE FUNCTION "article_authors_set_owners"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" SET "owner_ids" = "article_owners"("id", "created_by") WHERE "id" IN (SELECT "article_id" FROM "changed_bylines");
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "article_authors_inserted" AFTER INSERT ON "article_authors" REFERENCING NEW TABLE AS "changed_bylines" FOR EACH STATEMENT EXECUTE FUNCTION "article_authors_set_owners"();--> statement-breakpoint
CREATE TRIGGER "article_authors_updated" AFTER UPDATE ON "article_authors" REFERENCING NEW TABLE AS "changed_bylines" FOR EACH STATEMENT EXECUTE FUNCTION "article_authors_set_owners"();--> statement-breakpoint
CREATE TRIGGER "article_authors_deleted" AFTER DELETE ON "article_authors" REFERENCING OLD TABLE AS "changed_bylines" FOR EACH STATEMENT EXECUTE FUNCTION "article_authors_set_owners"();--> statement-breakpoint
UPDATE "articles" SET "owner_ids" = "article_owners"("id", "created_by");--> statement-breakpoint
CREATE INDEX "articles_owners" ON "articles" USING gin ("owner_ids");
--> statement-breakpoint
-- PGlite has no autovacuum: the planner learns of the new column now.
ANALYZE "articles";
