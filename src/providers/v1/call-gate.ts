// The v1 client's seam to the rate limiter. The contract is the limiter's (src/limiter/call-gate.ts): providers
// may import the limiter, the limiter imports no provider. Re-exported so the client's modules keep one import.
export * from '../../limiter/call-gate.js';
