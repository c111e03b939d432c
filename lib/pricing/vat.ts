import { add, percent, round, type Amount } from "@/lib/money/decimal";

/** Net → the price shown: gross rounded to cents for consumers, net unchanged for businesses. */
export function displayPrice(net: Amount, vatRate: string, includeVat: boolean): Amount {
  return includeVat ? round(add(net, percent(net, vatRate)), 2) : net;
}
