CREATE TABLE "edge_purges" (
	"node" text NOT NULL,
	"path" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text DEFAULT '' NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "edge_purges_node_path_pk" PRIMARY KEY("node","path")
);
--> statement-breakpoint
CREATE TABLE "page_keys" (
	"path" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "page_keys_path_key_pk" PRIMARY KEY("path","key")
);
--> statement-breakpoint
CREATE INDEX "edge_purges_due" ON "edge_purges" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "page_keys_key" ON "page_keys" USING btree ("key");