CREATE TABLE "section_redirects" (
	"path" text PRIMARY KEY NOT NULL,
	"section_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "section_redirects" ADD CONSTRAINT "section_redirects_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;