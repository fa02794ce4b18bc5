ALTER TABLE "revisions" ADD COLUMN "social_headline" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "social_media_id" integer;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_social_media_id_media_id_fk" FOREIGN KEY ("social_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;