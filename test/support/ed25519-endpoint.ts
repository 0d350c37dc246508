// A minimal Interactions Endpoint for tests of the Discord fake, written from Discord's description with
// node:crypto alone: it checks X-Signature-Ed25519 over timestamp + raw body with the application's public key
// (or skips the check, to play an endpoint that accepts anything), answers PING with PONG, and answers every
// other interaction with what the test asks. Real sockets: a node:http server on a free loopback port.
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestEndpoint {
  url: string;
  /** Every interaction (not PING) that passed the check, parsed. */
  received: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestEndpointOptions {
  /** The application's public key, hex; undefined accepts every request whatever its signature. */
  publicKeyHex: string | undefined;
  /** The answer to a PING (default PONG). */
  pingAnswer?: { status: number; body: unknown };
  /** The answer to any other interaction. */
  answer?: (interaction: Record<string, unknown>) => { status: number; body?: unknown };
}

/** An Ed25519 public key object from the 32 raw bytes, as SPKI DER: the fixed RFC 8410 prefix, then the key. */
export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** A fresh key pair for signing requests as Discord would: `{ publicKeyHex, sign(timestamp, body) }`. */
export function testSigner(): { publicKeyHex: string; sign(timestamp: string, body: string): string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return {
    publicKeyHex: raw.toString('hex'),
    sign: (timestamp, body) => sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTestEndpoint(options: TestEndpointOptions): Promise<TestEndpoint> {
  const key = options.publicKeyHex === undefined ? undefined : publicKeyFromHex(options.publicKeyHex);
  const received: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readAll(req);
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      if (key !== undefined) {
        const ok =
          typeof signature === 'string' &&
          typeof timestamp === 'string' &&
          /^[0-9a-f]{128}$/i.test(signature) &&
          verify(null, Buffer.concat([Buffer.from(timestamp), raw]), key, Buffer.from(signature, 'hex'));
        if (!ok) return void res.writeHead(401).end('invalid request signature');
      }
      const interaction = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      const send = ({ status, body }: { status: number; body?: unknown }) =>
        body === undefined
          ? res.writeHead(status).end()
          : res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (interaction.type === 1) return send(options.pingAnswer ?? { status: 200, body: { type: 1 } });
      received.push(interaction);
      send(
        options.answer?.(interaction) ?? { status: 200, body: { type: 4, data: { content: 'answered over HTTP' } } },
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/interactions`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
