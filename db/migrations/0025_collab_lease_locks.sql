CREATE SEQUENCE "public"."collab_lock_keys" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 CYCLE;--> statement-breakpoint
ALTER TABLE "collab_leases" ADD COLUMN "lock_key" integer;