/**
 * One sample of each character class that free-text fields refuse (lib/klikk/contract/validators
 * unsafeTextProblem), shared by the unit tests and the end-to-end sweep over every field.
 */
export const unsafeSamples: readonly { label: string; text: string }[] = [
  { label: "a C0 control (U+0007)", text: "bell\u0007" },
  { label: "a C1 control (U+0085)", text: "next\u0085line" },
  { label: "a bidi override (U+202E)", text: "gpj.\u202Eexe" },
  { label: "a bidi isolate (U+2066)", text: "a\u2066b\u2069" },
  { label: "a zero-width space (U+200B)", text: "web\u200B1" },
  { label: "a byte order mark (U+FEFF)", text: "\uFEFFref" },
  { label: "a lone high surrogate", text: "broken\uD800" },
  { label: "a lone low surrogate", text: "\uDC00broken" },
];
