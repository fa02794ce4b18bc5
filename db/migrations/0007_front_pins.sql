CREATE TABLE "pins" (
	"place" text NOT NULL,
	"article_id" integer NOT NULL,
	"position" integer NOT NULL,
	"pinned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pinned_by" integer,
	CONSTRAINT "pins_place_article_id_pk" PRIMARY KEY("place","article_id")
);
--> statement-breakpoint
ALTER TABLE "pins" ADD CONSTRAINT "pins_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pins" ADD CONSTRAINT "pins_pinned_by_users_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;