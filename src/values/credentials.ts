/**
 * `[securestring]` and `[pscredential]` as rsh has them: a SecureString keeps its text out of display and string
 * conversion (it prints as its type name, as in PowerShell); a credential is a user name plus a SecureString.
 */
import { PSCustomObject } from "./objects.ts";

export class SecureString {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  /** The plain text, for the code that must send it (the remoting client's hello). */
  reveal(): string {
    return this.#text;
  }
  get length(): number {
    return this.#text.length;
  }
  toString(): string {
    return "System.Security.SecureString";
  }
}

/** `[pscredential]::new(user, password)`: an object with UserName and Password (a SecureString). */
export function makeCredential(user: string, password: SecureString): PSCustomObject {
  const credential = new PSCustomObject();
  credential.set("UserName", user);
  credential.set("Password", password);
  return credential;
}

/** The user and plain password of a credential object, or null when the value is not one. */
export function credentialParts(value: unknown): { user: string; password: string } | null {
  if (!(value instanceof PSCustomObject)) return null;
  const user = value.get("UserName");
  const password = value.get("Password");
  if (typeof user !== "string" || !(password instanceof SecureString)) return null;
  return { user, password: password.reveal() };
}
