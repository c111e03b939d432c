CREATE TABLE "cxml_settings" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"from_domain" text NOT NULL,
	"from_identity" text NOT NULL,
	"sender_domain" text NOT NULL,
	"sender_identity" text NOT NULL,
	"to_domain" text NOT NULL,
	"to_identity" text NOT NULL,
	"shared_secret_hash" text NOT NULL,
	"default_user_id" integer,
	"return_field" text DEFAULT 'cxml-urlencoded' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cxml_setups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"customer_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"payload_id" text NOT NULL,
	"browser_form_post_url" text NOT NULL,
	"session" jsonb NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"session_id" uuid,
	CONSTRAINT "cxml_setups_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "oci_sessions" ADD COLUMN "protocol" text DEFAULT 'oci' NOT NULL;--> statement-breakpoint
ALTER TABLE "cxml_settings" ADD CONSTRAINT "cxml_settings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cxml_settings" ADD CONSTRAINT "cxml_settings_default_user_id_users_id_fk" FOREIGN KEY ("default_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cxml_setups" ADD CONSTRAINT "cxml_setups_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cxml_setups" ADD CONSTRAINT "cxml_setups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cxml_setups" ADD CONSTRAINT "cxml_setups_session_id_oci_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."oci_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cxml_settings_from_idx" ON "cxml_settings" USING btree (lower("from_domain"),lower("from_identity"));--> statement-breakpoint
CREATE INDEX "cxml_setups_created_idx" ON "cxml_setups" USING btree ("created_at");