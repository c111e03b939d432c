CREATE TABLE "oci_profiles" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"profile" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oci_test_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"admin_user_id" integer,
	"customer_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"options" jsonb NOT NULL,
	"hook_key_hash" text NOT NULL,
	"status" text DEFAULT 'started' NOT NULL,
	"received_at" timestamp with time zone,
	"content_type" text,
	"charset" text,
	"raw_body" "bytea",
	"fields" jsonb
);
--> statement-breakpoint
ALTER TABLE "oci_profiles" ADD CONSTRAINT "oci_profiles_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oci_test_runs" ADD CONSTRAINT "oci_test_runs_admin_user_id_users_id_fk" FOREIGN KEY ("admin_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oci_test_runs" ADD CONSTRAINT "oci_test_runs_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oci_test_runs" ADD CONSTRAINT "oci_test_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oci_test_runs_created_idx" ON "oci_test_runs" USING btree ("created_at");