/**
 * -Encoding for the commands that read and write files (content.ts, csv.ts, Tee-Object, Select-String): the
 * FileSystem provider's encoding names. Text is UTF-8 without a byte order mark unless -Encoding says otherwise
 * (PowerShell 7's default); reading honours a byte order mark before -Encoding, as StreamReader does.
 */
import { cmdletId } from "../engine/command_types.ts";
import { ErrorRecord, RuntimeError } from "../engine/errors.ts";
import { Deno } from "../platform.ts";
import { toStr } from "../values/convert.ts";

/** -Encoding's names (FileSystemProvider's, case-insensitive) and the bytes of their byte order marks. */
const ENCODINGS: Record<string, number[]> = {
  utf8: [], utf8nobom: [], utf8bom: [0xef, 0xbb, 0xbf], ascii: [], ansi: [], oem: [], default: [], latin1: [],
  unicode: [0xff, 0xfe], bigendianunicode: [0xfe, 0xff], utf32: [0xff, 0xfe, 0, 0], bigendianutf32: [0, 0, 0xfe, 0xff],
};

/** The -Encoding a command was given (lower case), "utf8" without one; an unknown name is a terminating error. */
export function encodingOf(params: Map<string, unknown>, command: string): string {
  if (!params.has("Encoding")) return "utf8";
  const name = toStr(params.get("Encoding"));
  if (name.toLowerCase() in ENCODINGS) return name.toLowerCase();
  const message = `Cannot process argument transformation on parameter 'Encoding'. '${name}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`;
  throw new RuntimeError(new ErrorRecord(message, `ParameterArgumentTransformationError,${cmdletId(command)}`, "InvalidData", null, null, name, command));
}

/** Text as bytes in `encoding`; `bom` says whether its byte order mark leads (not when appending to a file). */
function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  const codes = [...text].map((ch) => ch.codePointAt(0)!);
  let body: number[];
  switch (encoding) {
    case "ascii":
      body = codes.map((c) => (c < 0x80 ? c : 0x3f));
      break;
    case "latin1":
      body = codes.map((c) => (c < 0x100 ? c : 0x3f));
      break;
    case "unicode":
    case "bigendianunicode": {
      body = [];
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        body.push(...(encoding === "unicode" ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
      }
      break;
    }
    case "utf32":
    case "bigendianutf32":
      body = codes.flatMap((c) => {
        const le = [c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, c >>> 24];
        return encoding === "utf32" ? le : le.reverse();
      });
      break;
    default:
      body = [...new TextEncoder().encode(text)];
  }
  return new Uint8Array([...(bom ? ENCODINGS[encoding] : []), ...body]);
}

/** Bytes as text: a byte order mark chooses the encoding (StreamReader's detection), else `encoding`. */
function decode(bytes: Uint8Array, encoding: string): string {
  const starts = (mark: number[]) => mark.every((b, i) => bytes[i] === b);
  for (const name of ["utf32", "bigendianutf32", "utf8bom", "unicode", "bigendianunicode"]) {
    if (starts(ENCODINGS[name])) return decodeBody(bytes.subarray(ENCODINGS[name].length), name);
  }
  return decodeBody(bytes, encoding);
}

function decodeBody(bytes: Uint8Array, encoding: string): string {
  switch (encoding) {
    case "ascii":
      return String.fromCharCode(...[...bytes].map((b) => (b < 0x80 ? b : 0x3f)));
    case "latin1":
      return [...bytes].map((b) => String.fromCharCode(b)).join("");
    case "unicode":
      return new TextDecoder("utf-16le").decode(bytes);
    case "bigendianunicode":
      return new TextDecoder("utf-16be").decode(bytes);
    case "utf32":
    case "bigendianutf32": {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let text = "";
      for (let i = 0; i + 4 <= bytes.length; i += 4) text += String.fromCodePoint(view.getUint32(i, encoding === "utf32"));
      return text;
    }
    default:
      return new TextDecoder().decode(bytes);
  }
}

/** Writes `text` in `encoding`; the byte order mark starts a file, never the middle of one (-Append). */
export function writeEncoded(path: string, text: string, encoding: string, append: boolean): void {
  let empty = true;
  try {
    empty = !append || Deno.statSync(path).size === 0;
  } catch {
    // A missing file is written from its start.
  }
  Deno.writeFileSync(path, encode(text, encoding, empty), { append });
}

/** A file's text: its byte order mark, else `encoding`, decides how its bytes read. */
export function readEncoded(path: string, encoding: string): string {
  return decode(Deno.readFileSync(path), encoding);
}
