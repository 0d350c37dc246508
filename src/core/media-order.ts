// The order of posts by id where a provider's ids carry it: v1 media ids are `<pk>_<owner>` with a growing pk
// (reference §1.3), so "newer than the cursor" and "already behind the cursor" are a comparison of pks. Shared by
// the v1 feed reader and the notification de-duplication of the delivery engine, which must agree on it.

/** The numeric part (pk) of a media id `<pk>_<owner>`, for ordering; undefined when the id has another shape. */
export function mediaPk(id: string): bigint | undefined {
  const match = /^(\d{1,30})(?:_\d+)?$/.exec(id);
  return match?.[1] === undefined ? undefined : BigInt(match[1]);
}
