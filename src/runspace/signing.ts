/**
 * Signed scripts (rsh's counterpart of about_Signing): an Ed25519 signature in a comment block at the end of the
 * script. What is signed is the text before the block with CRLF line endings turned into LF, so a signature survives
 * a checkout that changes line endings, while any other change to the text — or a line added after the block — breaks
 * it. Keys are plain Ed25519 keys, not certificates: a publisher is trusted when its public key is listed in a
 * trusted-publishers file (or the server's config). docs/language.md, "Signed scripts", describes the format.
 */
import { Buffer } from "node:buffer";
import { Deno, nodeModule } from "../platform.ts";

/** node:crypto on first use: every session start reaches this module (execution policy), few runs sign anything. */
const nodeCrypto = nodeModule<typeof import("node:crypto")>("node:crypto");

export const BEGIN_BLOCK = "# SIG # Begin signature block";
export const END_BLOCK = "# SIG # End signature block";
/** Prefixed to the signed text, so a signature made for something else can never pass as a script's. */
const DOMAIN = "rsh-script-signature-v1\n";
const KEY_PREFIX = "ed25519:";

/** Get-AuthenticodeSignature's status names, those an Ed25519 signature can have. */
export type SignatureStatus = "Valid" | "NotSigned" | "HashMismatch" | "NotTrusted";

export interface ScriptSignature {
  status: SignatureStatus;
  message: string;
  /** The signer's public key (`ed25519:…`), when the block names one. */
  signer: string | null;
}

/** A new key pair: the private key as PKCS#8 PEM, the public key as one `ed25519:<base64url>` word. */
export function generateKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = nodeCrypto().generateKeyPairSync("ed25519");
  return {
    privateKey: String(privateKey.export({ format: "pem", type: "pkcs8" })),
    publicKey: KEY_PREFIX + publicKey.export({ format: "jwk" }).x,
  };
}

/** The public key (`ed25519:…`) of a PEM private key; throws a readable error for anything else. */
export function publicKeyOf(privatePem: string): string {
  const key = nodeCrypto().createPrivateKey(privatePem);
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`The key is ${key.asymmetricKeyType}, not Ed25519 (make one with 'rsh keygen').`);
  return KEY_PREFIX + nodeCrypto().createPublicKey(key).export({ format: "jwk" }).x;
}

function signedBytes(content: string): Buffer {
  return Buffer.from(DOMAIN + content.replaceAll("\r\n", "\n"), "utf8");
}

/** Where the last signature block starts (the offset of its first line), or -1. */
function blockStart(text: string): number {
  const at = text.lastIndexOf(BEGIN_BLOCK);
  if (at < 0 || (at > 0 && text[at - 1] !== "\n")) return -1;
  return at;
}

/** The script text without its signature block. */
export function unsignedText(text: string): string {
  const at = blockStart(text);
  return at < 0 ? text : text.slice(0, at);
}

/**
 * Signs script text: an existing block is replaced, the text is ended with a line break if it lacks one (the break
 * is part of what is signed), and the new block follows in the text's own line-ending style.
 */
export function signText(text: string, privatePem: string): string {
  let content = unsignedText(text);
  const eol = content.includes("\r\n") ? "\r\n" : "\n";
  if (content !== "" && !content.endsWith("\n")) content += eol;
  const signature = nodeCrypto().sign(null, signedBytes(content), nodeCrypto().createPrivateKey(privatePem)).toString("base64");
  const lines = [BEGIN_BLOCK, `# SIG # Key: ${publicKeyOf(privatePem)}`, `# SIG # Signature: ${signature}`, END_BLOCK];
  return content + lines.join(eol) + eol;
}

/** Checks a script's signature against the trusted publishers' keys. */
export function checkSignature(text: string, trusted: ReadonlySet<string>): ScriptSignature {
  const at = blockStart(text);
  if (at < 0) return { status: "NotSigned", message: "The file is not digitally signed.", signer: null };
  const lines = text.slice(at).replaceAll("\r\n", "\n").split("\n");
  const field = (name: string) => lines.find((l) => l.startsWith(`# SIG # ${name}: `))?.slice(`# SIG # ${name}: `.length).trim() ?? null;
  const signer = field("Key");
  const signature = field("Signature");
  const end = lines.indexOf(END_BLOCK);
  const mismatch = (why: string): ScriptSignature => ({
    status: "HashMismatch",
    message: `The contents of the file might have been changed by an unauthorized user or process, because ${why}.`,
    signer,
  });
  if (end < 0 || !signer || !signature) return mismatch("its signature block is incomplete");
  if (lines.slice(end + 1).some((l) => l.trim() !== "")) return mismatch("text follows the signature block");
  let good = false;
  try {
    const key = nodeCrypto().createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: signer.slice(KEY_PREFIX.length) }, format: "jwk" });
    good = signer.startsWith(KEY_PREFIX) && nodeCrypto().verify(null, signedBytes(text.slice(0, at)), key, Buffer.from(signature, "base64"));
  } catch {
    good = false;
  }
  if (!good) return mismatch("the hash of the file does not match the hash stored in the digital signature");
  if (!trusted.has(signer)) {
    return { status: "NotTrusted", message: `The file is signed by ${signer}, which is not a trusted publisher.`, signer };
  }
  return { status: "Valid", message: "Signature verified.", signer };
}

/**
 * The keys a trusted-publishers file lists: one per line, its first word (`ed25519:…`); the rest of the line and
 * `#` lines are comments. A missing file lists none.
 */
export function readTrustedPublishers(path: string): string[] {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch {
    return [];
  }
  return text.split("\n").map((l) => l.trim().split(/\s+/)[0]).filter((w) => w.startsWith(KEY_PREFIX));
}

/** Whether a word is a public key as keygen writes it (for config validation). */
export function isPublicKey(word: string): boolean {
  return /^ed25519:[A-Za-z0-9_-]{43}$/.test(word);
}
