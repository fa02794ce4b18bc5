CREATE TABLE "article_presence" (
	"article_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_presence_article_id_user_id_pk" PRIMARY KEY("article_id","user_id")
);
--> statement-breakpoint
-- Added without NOT NULL first: existing revisions take their article's routing, bylines, tags
-- and lead image caption, then the columns become NOT NULL as the schema says.
ALTER TABLE "revisions" ADD COLUMN "section_id" integer;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "bylines" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "tags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "lead_caption" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "lead_credit" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "revisions" AS r SET
	"section_id" = a."section_id",
	"slug" = a."slug",
	"updated_at" = r."created_at",
	"bylines" = coalesce((
		SELECT jsonb_agg(CASE WHEN b."user_id" IS NOT NULL THEN jsonb_build_object('userId', b."user_id")
			ELSE jsonb_build_object('name', b."name", 'outlet', coalesce(b."outlet", '')) END ORDER BY b."position")
		FROM "article_authors" AS b WHERE b."article_id" = r."article_id"), '[]'::jsonb),
	"tags" = coalesce((
		SELECT jsonb_agg(t."name" ORDER BY t."name")
		FROM "article_tags" AS x JOIN "tags" AS t ON t."id" = x."tag_id" WHERE x."article_id" = r."article_id"), '[]'::jsonb)
FROM "articles" AS a WHERE a."id" = r."article_id";--> statement-breakpoint
UPDATE "revisions" AS r SET "lead_caption" = m."caption", "lead_credit" = m."credit"
FROM "media" AS m WHERE m."id" = r."lead_media_id";--> statement-breakpoint
ALTER TABLE "revisions" ALTER COLUMN "section_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ALTER COLUMN "slug" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "article_presence" ADD CONSTRAINT "article_presence_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_presence" ADD CONSTRAINT "article_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "revisions_section_slug" ON "revisions" USING btree ("section_id","slug");