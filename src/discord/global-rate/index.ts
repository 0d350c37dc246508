// Discord's global request limit shared by every igcord process (docs/decisions/0022): the Redis window and the
// REST hook that admits requests through it.
export {
  openGlobalRequestWindow,
  openRedisRequestWindow,
  type GlobalRateSettings,
  type Admission,
  type RedisRequestWindow,
  type RedisRequestWindowOptions,
  type RequestWindow,
} from './redis-request-window.js';
export { admittedMakeRequest, countsTowardsGlobalLimit } from './admitted-request.js';
