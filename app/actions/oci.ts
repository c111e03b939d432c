"use server";

import { redirect } from "next/navigation";
import { endOciCookie } from "@/lib/oci/cookie";

export async function leavePunchoutAction() {
  await endOciCookie();
  redirect("/");
}
