import { describe, expect, it } from "vitest";
import { toCsv } from "./export";

describe("toCsv", () => {
  const columns = [
    { header: "id", value: (row: { id: number; name: string }) => row.id },
    { header: "name", value: (row: { id: number; name: string }) => row.name },
  ];

  it("quotes commas, quotes and line breaks", () => {
    expect(toCsv([{ id: 1, name: 'a,"b"\nc' }], columns)).toBe('id,name\r\n1,"a,""b""\nc"\r\n');
  });

  it("neutralises spreadsheet formulas but keeps negative numbers", () => {
    expect(toCsv([{ id: -5, name: "=HYPERLINK(1)" }], columns)).toBe("id,name\r\n-5,'=HYPERLINK(1)\r\n");
  });
});
