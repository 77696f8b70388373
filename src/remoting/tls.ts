/**
 * The client's side of TLS: which certificate authorities it trusts, and what it says when a server's certificate is
 * refused. Certificates are verified by default (the system's roots); `RSH_CA_CERTS` names a PEM file of further CAs
 * to trust (a company CA, a test CA) on both runtimes — Node's own NODE_EXTRA_CA_CERTS does not reach Deno.
 */
import { readFileSync } from "node:fs";

/** The `ca` option for a wss:// connection: the system's roots plus the file's certificates (none: the defaults). */
export async function trustedAuthorities(caFile: string | undefined): Promise<{ ca?: string[] }> {
  if (!caFile) return {};
  let extra: string;
  try {
    extra = readFileSync(caFile, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the certificate authorities in RSH_CA_CERTS (${caFile}): ${(e as Error).message}`);
  }
  const { rootCertificates } = await import("node:tls");
  return { ca: [...rootCertificates, extra] };
}

const UNKNOWN_AUTHORITY = /self.signed|unable to (verify|get (local )?issuer)|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)|unknown ?ca/i;
const WRONG_NAME = /altname|Hostname\/IP does not match|ERR_TLS_CERT_ALTNAME_INVALID/i;

/**
 * PowerShell's wording for a certificate the client refused (about_Remote_Troubleshooting), with what to do about it;
 * null when the error is not about the certificate.
 */
export function certificateFailure(error: Error & { code?: string }, where: string): string | null {
  const text = `${error.code ?? ""} ${error.message}`;
  const problem = UNKNOWN_AUTHORITY.test(text)
    ? `The SSL certificate is signed by an unknown certificate authority (${error.message}). Trust its authority with RSH_CA_CERTS=FILE.pem, or, for a test certificate only, use -SessionOption (New-PSSessionOption -SkipCACheck).`
    : WRONG_NAME.test(text)
    ? `The SSL certificate contains a common name (CN) that does not match the hostname (${error.message}). Connect by a name the certificate carries, or, for a test certificate only, use -SessionOption (New-PSSessionOption -SkipCNCheck).`
    : /certificate|CERT_/i.test(text)
    ? `${error.message}.`
    : null;
  return problem && `The server certificate on the destination computer (${where}) has the following errors: ${problem}`;
}
