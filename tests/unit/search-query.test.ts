import { describe, expect, it } from "vitest";
import { composeMatchQuery, composeTsQuery, correctable, pickCorrections, termQuery, textArrayLiteral } from "@/lib/catalog/search-query";

const alt = (german: string, english: string, simple: string) => ({ german, english, simple });

describe("search query helpers", () => {
  it("matches words as prefixes, plain numbers and single characters exactly", () => {
    expect(termQuery("schraube")).toBe("schraube:*");
    expect(termQuery("m8")).toBe("m8:*");
    expect(termQuery("100")).toBe("100");
    expect(termQuery("l")).toBe("l");
  });

  it("corrects only words of three letters or more without digits", () => {
    expect(correctable("hamer")).toBe(true);
    expect(correctable("m8")).toBe(false);
    expect(correctable("3x1")).toBe(false);
    expect(correctable("ab")).toBe(false);
  });

  it("picks the corrections close to the best one", () => {
    const similar = [
      { word: "hammer", sim: 0.625 },
      { word: "boorhamer", sim: 0.33 },
    ];
    expect(pickCorrections("hamer", similar)).toEqual(["hammer"]);
    expect(pickCorrections("x", [{ word: "y", sim: 0.2 }])).toEqual([]);
    expect(pickCorrections("hammer", [{ word: "hammer", sim: 1 }])).toEqual([]);
  });

  it("ranks with one query per configuration, as to_tsquery || to_tsquery would", () => {
    const terms = [[alt("'schraub':*", "'schraube':*", "'schraube':*")], [alt("'verzinkt':*", "'verzinkt':*", "'verzinkt':*")]];
    expect(composeTsQuery(terms)).toBe(
      "( ( 'schraub':* ) & ( 'verzinkt':* ) ) | ( ( 'schraube':* ) & ( 'verzinkt':* ) ) | ( ( 'schraube':* ) & ( 'verzinkt':* ) )",
    );
    expect(composeTsQuery([[alt("", "", "")]])).toBe("");
  });

  it("finds candidates with each lexeme once, shorter prefixes covering longer ones", () => {
    const terms = [
      [alt("'schraub':*", "'schraube':*", "'schraube':*"), alt("'schraubendreh':*", "'schraubendrehe':*", "'schraubendreher':*")],
      [alt("'verzinkt':*", "'verzinkt':*", "'verzinkt':*")],
      [alt("'100'", "'100'", "'100'")],
    ];
    expect(composeMatchQuery(terms)).toBe("'schraub':* & 'verzinkt':* & '100'");
    const mixed = [[alt("'kabel':*", "'kabel':*", "'kabel':*"), alt("'kabl':*", "'kabl':*", "'kabl':*")]];
    expect(composeMatchQuery(mixed)).toBe("( 'kabel':* | 'kabl':* )");
  });

  it("leaves out stop words unless nothing else is left", () => {
    const und = [alt("", "'und':*", "'und':*")];
    const mutter = [alt("'mutt':*", "'mutter':*", "'mutter':*")];
    expect(composeMatchQuery([und, mutter])).toBe("'mutt':*");
    expect(composeMatchQuery([und])).toBe("'und':*");
    expect(composeMatchQuery([[alt("", "", "")]])).toBe("");
  });

  it("writes terms as an array literal", () => {
    expect(textArrayLiteral(["a", "größe"])).toBe('{"a","größe"}');
    expect(textArrayLiteral([])).toBe("{}");
  });
});
