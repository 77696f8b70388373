/**
 * A TCP proxy for network-failure tests: listens on 127.0.0.1, port 0, and forwards each connection to a target
 * port, byte for byte, with backpressure. The test can then break the network under a client:
 *
 * - `cut()` destroys every live connection pair at once (both sides, abruptly: a reset where the runtime can send
 *   one), like a cable pulled; new connections are still accepted. `cut({ serverSees: false })` ends only the
 *   client's side and leaves the server's open but silent — nothing more is read from it or sent to it — like a
 *   drop the server does not notice (a NAT entry that expired, a laptop that went to sleep): a half-open connection.
 * - `cutAfterBytes(n)` cuts each connection automatically once n bytes have flowed server → client on it (the
 *   n-th byte is the last one forwarded, so a WebSocket frame is usually torn in the middle); `null` turns it off.
 * - `refuse(true)` makes the proxy destroy every new connection as soon as it arrives (the server is unreachable);
 *   `refuse(false)` accepts again.
 * - `close()` stops listening and destroys everything.
 *
 * Bounded: at most `maxConnections` live pairs (more are destroyed at once), and the proxy closes itself after
 * `timeoutMs` whatever happens, so a failed test cannot leave it behind.
 */
import net from "node:net";

export interface TcpProxy {
  /** The port to connect to instead of the target's. */
  readonly port: number;
  /** Connection pairs ended by `cut()` or `cutAfterBytes` so far. */
  readonly cuts: number;
  /** Connections accepted and forwarded so far (refused ones are not counted). */
  readonly accepted: number;
  /** Connections destroyed on arrival while refusing. */
  readonly refused: number;
  /** Live connection pairs. */
  readonly live: number;
  /** Bytes forwarded server → client, over all connections. */
  readonly bytesDown: number;
  /** Destroys every live connection pair; returns how many there were. `serverSees: false`: half-open (above). */
  cut(options?: { serverSees?: boolean }): number;
  /** Cuts each connection once `n` bytes flowed server → client on it (`null`: never). Applies to live ones too. */
  cutAfterBytes(n: number | null): void;
  /** While true, new connections are destroyed as they arrive. */
  refuse(on: boolean): void;
  /** Called after each cut (automatic or not) with the running count. */
  onCut: (cuts: number) => void;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  server: net.Socket;
  down: number;
  ended: boolean;
}

/** Ends a socket abruptly: an RST where the runtime supports it (Node ≥ 18.3), else a plain destroy. */
function abort(socket: net.Socket): void {
  const reset = (socket as net.Socket & { resetAndDestroy?: () => void }).resetAndDestroy;
  try {
    if (typeof reset === "function" && socket.readyState !== "opening") reset.call(socket);
    else socket.destroy();
  } catch {
    socket.destroy();
  }
}

export async function startProxy(
  targetPort: number,
  options: { targetHost?: string; maxConnections?: number; timeoutMs?: number } = {},
): Promise<TcpProxy> {
  const targetHost = options.targetHost ?? "127.0.0.1";
  const maxConnections = options.maxConnections ?? 64;
  const pairs = new Set<Pair>();
  /** Server-side sockets of half-open cuts: kept open, unread, until close(). */
  const silent = new Set<net.Socket>();
  let cutAfter: number | null = null;
  let refusing = false;
  let closed = false;
  let cuts = 0;
  let accepted = 0;
  let refused = 0;
  let bytesDown = 0;

  const end = (pair: Pair, counted: boolean, serverSees = true) => {
    if (pair.ended) return;
    pair.ended = true;
    pairs.delete(pair);
    abort(pair.client);
    if (serverSees) abort(pair.server);
    else {
      pair.server.pause();
      silent.add(pair.server);
      pair.server.once("close", () => silent.delete(pair.server));
    }
    if (counted) {
      cuts++;
      proxy.onCut(cuts);
    }
  };
  /** One side closed on its own: the other gets what was already forwarded, then a normal close (FIN). */
  const finish = (pair: Pair) => {
    if (pair.ended) return;
    pair.ended = true;
    pairs.delete(pair);
    for (const socket of [pair.client, pair.server]) {
      socket.end();
      const timer = setTimeout(() => socket.destroy(), 1000);
      (timer as { unref?: () => void }).unref?.();
      socket.once("close", () => clearTimeout(timer));
    }
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on("error", () => {});
    if (closed || refusing || pairs.size >= maxConnections) {
      if (refusing) refused++;
      return abort(client);
    }
    accepted++;
    // No Nagle delays on either side (ws sets TCP_NODELAY on its own sockets; a proxy should not add them back).
    const upstream = net.connect({ host: targetHost, port: targetPort, noDelay: true });
    client.setNoDelay(true);
    upstream.on("error", () => {});
    const pair: Pair = { client, server: upstream, down: 0, ended: false };
    pairs.add(pair);
    // Either side closing (or failing) ends the pair, as a real connection through a middlebox would.
    for (const socket of [client, upstream]) socket.on("close", () => finish(pair));
    client.on("data", (chunk: Uint8Array) => {
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once("drain", () => client.resume());
      }
    });
    upstream.on("data", (chunk: Uint8Array) => {
      if (pair.ended) return;
      let piece = chunk;
      const limit = cutAfter;
      if (limit !== null && pair.down + piece.length >= limit) piece = piece.subarray(0, Math.max(0, limit - pair.down));
      pair.down += piece.length;
      bytesDown += piece.length;
      if (piece.length > 0 && !client.write(piece)) {
        upstream.pause();
        client.once("drain", () => upstream.resume());
      }
      if (limit !== null && pair.down >= limit) {
        // Let the last piece reach the kernel first, then drop the pair (the client sees a torn stream).
        if (piece.length > 0) client.write(new Uint8Array(0), () => end(pair, true));
        else end(pair, true);
      }
    });
    upstream.once("connect", () => client.resume());
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    if (closing) return closing;
    closed = true;
    clearTimeout(lifetime);
    for (const pair of [...pairs]) end(pair, false);
    for (const socket of silent) abort(socket);
    silent.clear();
    closing = new Promise<void>((resolve) => server.close(() => resolve()));
    return closing;
  };
  const lifetime = setTimeout(() => void close(), options.timeoutMs ?? 120_000);
  (lifetime as { unref?: () => void }).unref?.();

  const proxy: TcpProxy = {
    port,
    get cuts() {
      return cuts;
    },
    get accepted() {
      return accepted;
    },
    get refused() {
      return refused;
    },
    get live() {
      return pairs.size;
    },
    get bytesDown() {
      return bytesDown;
    },
    cut(options = {}) {
      const live = [...pairs];
      for (const pair of live) end(pair, true, options.serverSees ?? true);
      return live.length;
    },
    cutAfterBytes(n) {
      cutAfter = n;
      if (n === null) return;
      for (const pair of [...pairs]) if (pair.down >= n) end(pair, true);
    },
    refuse(on) {
      refusing = on;
    },
    onCut: () => {},
    close,
  };
  return proxy;
}
