// Reads a request body into memory with a hard size limit, for routes that need the exact raw bytes (the
// webhook signature is computed over them). A declared Content-Length over the limit is refused before reading
// anything; a body that grows past the limit while streaming (chunked, or a lying Content-Length) is refused at
// the first chunk that crosses it, and nothing past the limit is kept.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-response.js';

export function payloadTooLarge(limitBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `the body is larger than ${limitBytes} bytes`);
}

export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limitBytes) return Promise.reject(payloadTooLarge(limitBytes));

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        // Stop pulling from the socket; the server decides how much of the rest to discard after answering.
        req.pause();
        reject(payloadTooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(new HttpError(400, 'bad_request', 'the request body could not be read', {}, { cause: err }));
    };
    const onClose = () => {
      // The client went away before the body ended; nobody is left to answer.
      cleanup();
      reject(new HttpError(400, 'bad_request', 'the request body ended early'));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}
