import { describe, expect, it } from "vitest";
import { validateCxml } from "@/tests/support/cxml-validate";

// Checks the validator itself: hand-written documents in the shapes our punchout code sends and
// receives must pass the cXML 1.2.063 DTD subset, and broken ones must not.

const PROLOG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">`;

const ORDER_MESSAGE = `${PROLOG}
<cXML payloadID="1710407700000.4711.order@shop.example" timestamp="2025-03-14T10:15:00+01:00" xml:lang="de-DE">
  <Header>
    <From>
      <Credential domain="DUNS">
        <Identity>314159265</Identity>
      </Credential>
    </From>
    <To>
      <Credential domain="NetworkID">
        <Identity>AN01000000001</Identity>
      </Credential>
    </To>
    <Sender>
      <Credential domain="DUNS">
        <Identity>314159265</Identity>
      </Credential>
      <UserAgent>OCI Shop cXML 1.0</UserAgent>
    </Sender>
  </Header>
  <Message>
    <PunchOutOrderMessage>
      <BuyerCookie>34234234ADFSDF234234</BuyerCookie>
      <PunchOutOrderMessageHeader operationAllowed="edit">
        <Total>
          <Money currency="EUR">1174.03</Money>
        </Total>
        <ShipTo>
          <Address isoCountryCode="DE" addressID="WH-01">
            <Name xml:lang="de-DE">Zentrallager</Name>
            <PostalAddress name="Lager">
              <DeliverTo>Wareneingang Tor 3</DeliverTo>
              <Street>Industriestraße 12</Street>
              <City>Berlin</City>
              <PostalCode>10115</PostalCode>
              <Country isoCountryCode="DE">Deutschland</Country>
            </PostalAddress>
            <Email name="default">lager@buyer.example</Email>
            <Phone name="work">
              <TelephoneNumber>
                <CountryCode isoCountryCode="DE">49</CountryCode>
                <AreaOrCityCode>30</AreaOrCityCode>
                <Number>1234567</Number>
                <Extension>89</Extension>
              </TelephoneNumber>
            </Phone>
          </Address>
        </ShipTo>
        <Shipping>
          <Money currency="EUR">0.00</Money>
          <Description xml:lang="de-DE">Versand frei Haus</Description>
        </Shipping>
        <Tax>
          <Money currency="EUR">223.07</Money>
          <Description xml:lang="de-DE">19 % MwSt.</Description>
        </Tax>
      </PunchOutOrderMessageHeader>
      <ItemIn quantity="2" lineNumber="1">
        <ItemID>
          <SupplierPartID>SCR-4x40-A2</SupplierPartID>
          <SupplierPartAuxiliaryID>pack-100</SupplierPartAuxiliaryID>
        </ItemID>
        <ItemDetail>
          <UnitPrice>
            <Money currency="EUR">45.00</Money>
          </UnitPrice>
          <Description xml:lang="de-DE"><ShortName>Holzschraube 4x40 A2</ShortName>Senkkopf-Holzschraube 4 x 40 mm, Edelstahl A2, Torx</Description>
          <UnitOfMeasure>EA</UnitOfMeasure>
          <PriceBasisQuantity quantity="100" conversionFactor="1">
            <UnitOfMeasure>EA</UnitOfMeasure>
            <Description xml:lang="de-DE">Preis je 100 Stück</Description>
          </PriceBasisQuantity>
          <Classification domain="UNSPSC">31161500</Classification>
          <ManufacturerPartID>HS-440-A2</ManufacturerPartID>
          <ManufacturerName xml:lang="de-DE">Schraubenwerk GmbH</ManufacturerName>
          <LeadTime>3</LeadTime>
        </ItemDetail>
        <Comments xml:lang="de-DE">Bitte in Kartons zu 100 Stück</Comments>
      </ItemIn>
      <ItemIn quantity="1" lineNumber="2">
        <ItemID>
          <SupplierPartID>DRL-18V-SET</SupplierPartID>
        </ItemID>
        <ItemDetail>
          <UnitPrice>
            <Money currency="EUR">1084.03</Money>
          </UnitPrice>
          <Description xml:lang="de-DE">Akku-Bohrschrauber 18 V im Koffer</Description>
          <UnitOfMeasure>EA</UnitOfMeasure>
          <Classification domain="UNSPSC">27112700</Classification>
          <Extrinsic name="ShopProductId">4711</Extrinsic>
        </ItemDetail>
      </ItemIn>
    </PunchOutOrderMessage>
  </Message>
</cXML>
`;

const SETUP_RESPONSE = `${PROLOG}
<cXML payloadID="1710407600000.77.setup@shop.example" timestamp="2025-03-14T10:13:20+01:00" xml:lang="de-DE">
  <Response>
    <Status code="200" text="OK"/>
    <PunchOutSetupResponse>
      <StartPage>
        <URL>https://shop.example/punchout/start?session=8f3a1c</URL>
      </StartPage>
    </PunchOutSetupResponse>
  </Response>
</cXML>
`;

const ERROR_RESPONSE = `${PROLOG}
<cXML payloadID="1710407600000.78.error@shop.example" timestamp="2025-03-14T10:13:20+01:00" xml:lang="en-US">
  <Response>
    <Status code="401" text="Unauthorized"/>
  </Response>
</cXML>
`;

// The shape Ariba Network forwards to a supplier's punchout URL.
const SETUP_REQUEST = `${PROLOG}
<cXML payloadID="1710407599123.1234567@ariba.example" timestamp="2025-03-14T01:13:19-08:00" xml:lang="en-US">
  <Header>
    <From>
      <Credential domain="NetworkID">
        <Identity>AN01000000087</Identity>
      </Credential>
    </From>
    <To>
      <Credential domain="DUNS">
        <Identity>314159265</Identity>
      </Credential>
    </To>
    <Sender>
      <Credential domain="NetworkID">
        <Identity>AN01000000001</Identity>
        <SharedSecret>s3cr3t-Pa55</SharedSecret>
      </Credential>
      <UserAgent>Ariba Network 1.2</UserAgent>
    </Sender>
  </Header>
  <Request deploymentMode="production">
    <PunchOutSetupRequest operation="create">
      <BuyerCookie>34234234ADFSDF234234</BuyerCookie>
      <Extrinsic name="UserEmail">jane.buyer@buyer.example</Extrinsic>
      <Extrinsic name="UniqueName">jbuyer</Extrinsic>
      <BrowserFormPost>
        <URL>https://service.ariba.example/punchout/return?session=4711</URL>
      </BrowserFormPost>
      <Contact role="endUser">
        <Name xml:lang="en-US">Jane Buyer</Name>
        <Email>jane.buyer@buyer.example</Email>
      </Contact>
      <SupplierSetup>
        <URL>https://shop.example/api/cxml/punchout</URL>
      </SupplierSetup>
    </PunchOutSetupRequest>
  </Request>
</cXML>
`;

function broken(doc: string, from: string, to: string): string {
  expect(doc).toContain(from); // the edit must really happen, or the "invalid" case proves nothing
  return doc.replace(from, to);
}

describe("cXML 1.2.063 DTD subset (xmllint)", () => {
  it("accepts a complete PunchOutOrderMessage with two ItemIn lines", () => {
    expect(validateCxml(ORDER_MESSAGE)).toEqual({ ok: true });
  });

  it("accepts a PunchOutSetupResponse with Status 200 and the StartPage URL", () => {
    expect(validateCxml(SETUP_RESPONSE)).toEqual({ ok: true });
  });

  it("accepts an error Response that holds only its Status", () => {
    expect(validateCxml(ERROR_RESPONSE)).toEqual({ ok: true });
  });

  it("accepts a PunchOutSetupRequest as Ariba sends it", () => {
    expect(validateCxml(SETUP_REQUEST)).toEqual({ ok: true });
  });

  it("rejects children in the wrong order", () => {
    const doc = broken(
      ORDER_MESSAGE,
      `<Description xml:lang="de-DE">Akku-Bohrschrauber 18 V im Koffer</Description>
          <UnitOfMeasure>EA</UnitOfMeasure>`,
      `<UnitOfMeasure>EA</UnitOfMeasure>
          <Description xml:lang="de-DE">Akku-Bohrschrauber 18 V im Koffer</Description>`,
    );
    const result = validateCxml(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatch(/Element ItemDetail content does not follow the DTD/);
  });

  it("rejects a Money without its required currency", () => {
    const doc = broken(ORDER_MESSAGE, `<Money currency="EUR">1174.03</Money>`, `<Money>1174.03</Money>`);
    const result = validateCxml(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatch(/Element Money does not carry attribute currency/);
  });

  it("rejects an element the DTD does not declare", () => {
    const doc = broken(ORDER_MESSAGE, `<LeadTime>3</LeadTime>`, `<LeadTime>3</LeadTime>\n          <DeliveryDays>3</DeliveryDays>`);
    const result = validateCxml(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatch(/No declaration for element DeliveryDays/);
  });

  it("rejects a Response whose Status lacks its text, and a header without Sender", () => {
    const noText = validateCxml(broken(ERROR_RESPONSE, ` text="Unauthorized"`, ""));
    expect(noText.ok).toBe(false);
    if (!noText.ok) expect(noText.errors).toMatch(/Element Status does not carry attribute text/);

    const noSender = validateCxml(broken(SETUP_REQUEST, /<Sender>[\s\S]*<\/Sender>/.exec(SETUP_REQUEST)![0], ""));
    expect(noSender.ok).toBe(false);
    if (!noSender.ok) expect(noSender.errors).toMatch(/Element Header content does not follow the DTD/);
  });

  it("reports errors without the skipped fetch of the public DTD", () => {
    const result = validateCxml(broken(ERROR_RESPONSE, ` code="401"`, ""));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatch(/Element Status does not carry attribute code/);
      expect(result.errors).not.toMatch(/network entity|failed to load external entity/);
    }
  });

  it("fails, not skips, when xmllint is missing", () => {
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(() => validateCxml(ERROR_RESPONSE)).toThrow("xmllint not found: apt-get install libxml2-utils");
    } finally {
      process.env.PATH = saved;
    }
  });
});
