// The configuration the delivery benches start igcord with: sandbox mode on loopback, silent, on the bench's own
// data directory, with the operator's settings of the engine that the bench takes from its environment (each named
// by the bench, only when set) so a run can be repeated with them as an operator would set them.
import { loadConfig, type Config } from '../src/config.js';

export function benchConfig(
  dataDir: string,
  settings: Record<string, string>,
  fromEnvironment: readonly string[],
): Config {
  const operator = Object.fromEntries(
    fromEnvironment.flatMap((name) => (process.env[name] !== undefined ? [[name, process.env[name]]] : [])),
  );
  return loadConfig({
    DATA_DIR: dataDir,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    ...settings,
    ...operator,
  });
}
