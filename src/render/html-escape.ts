/** Escaping of text for HTML and SVG, shared by the HTML report and its charts. */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text made safe for HTML and SVG element content and for quoted attribute values: the five
 * characters that can end a text or an attribute become entities. Also drops the C0 controls other
 * than tab and line breaks, which XML (and so an SVG read on its own) does not allow.
 */
export function escapeHtml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
      .replace(/[&<>"']/g, (char) => ENTITIES[char] as string)
  );
}
