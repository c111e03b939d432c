import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the password is read off the screen and typed or passed on by hand.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/**
 * A strong password for an account an operator creates or resets: 20 random characters (about
 * 116 bits) in groups of four. The dashes also meet the shop's own rule of a digit or symbol.
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
