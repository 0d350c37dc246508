// Insights (reference §1.4): `/{media-id}/insights?metric=…` and `/{ig-user-id}/insights?metric=…&period=day`
// with a plausible subset of today's metrics. Values are deterministic per (object, metric, day) and agree with
// what the object shows where they overlap (`likes` = like_count, `comments` = the comment count). Album
// children have none; story metrics exist only while the story is up.
import type { JsonObject } from './context.js';
import { GraphError, invalidParameter } from './graph-error.js';
import { graphTime, hash32 } from './ids.js';
import type { Account, Media, World } from './world.js';

export const MEDIA_METRICS = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions'] as const;
export const STORY_METRICS = ['views', 'reach', 'replies', 'navigation', 'shares', 'total_interactions'] as const;
export const ACCOUNT_METRICS = [
  'reach',
  'views',
  'follower_count',
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'replies',
  'profile_links_taps',
] as const;

const TITLES: Record<string, string> = {
  views: 'Views',
  reach: 'Accounts reached',
  likes: 'Likes',
  comments: 'Comments',
  saved: 'Saved',
  saves: 'Saves',
  shares: 'Shares',
  replies: 'Replies',
  navigation: 'Navigation',
  total_interactions: 'Interactions',
  follower_count: 'Follower count',
  accounts_engaged: 'Accounts engaged',
  profile_links_taps: 'Profile links taps',
};

function metricsOf(param: string | null, allowed: readonly string[]): string[] {
  const metrics = (param ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  if (metrics.length === 0) throw invalidParameter('The parameter metric is required');
  metrics.forEach((m, i) => {
    if (!allowed.includes(m))
      throw invalidParameter(`metric[${i}] must be one of the following values: ${allowed.join(', ')}`);
  });
  return metrics;
}

const noise = (key: string, scale: number) => hash32(key) % scale;

export function mediaInsights(world: World, media: Media, metricParam: string | null): JsonObject {
  if (media.parentId) throw new GraphError(100, '(#100) Insights are not available for carousel album children');
  const story = media.productType === 'STORY';
  const metrics = metricsOf(metricParam, story ? STORY_METRICS : MEDIA_METRICS);
  const likes = media.likeCount;
  const comments = world.commentCount(media.id);
  const saved = noise(`${media.id}:saved`, 40);
  const shares = noise(`${media.id}:shares`, 30);
  const reach = likes * 4 + noise(`${media.id}:reach`, 500) + 10;
  const value = (metric: string): number => {
    switch (metric) {
      case 'likes':
        return likes;
      case 'comments':
        return comments;
      case 'saved':
        return saved;
      case 'shares':
        return shares;
      case 'reach':
        return reach;
      case 'views':
        return reach + noise(`${media.id}:views`, 800);
      case 'total_interactions':
        return likes + comments + saved + shares;
      default:
        return noise(`${media.id}:${metric}`, 60);
    }
  };
  return {
    data: metrics.map((name) => ({
      name,
      period: 'lifetime',
      values: [{ value: value(name) }],
      title: TITLES[name] ?? name,
      description: `${TITLES[name] ?? name} of this media.`,
      id: `${media.id}/insights/${name}/lifetime`,
    })),
  };
}

export function accountInsights(account: Account, params: URLSearchParams, now: number): JsonObject {
  const metrics = metricsOf(params.get('metric'), ACCOUNT_METRICS);
  const period = params.get('period');
  if (!period) throw invalidParameter('The parameter period is required');
  if (period !== 'day') throw invalidParameter('period must be one of the following values: day');
  const totals = params.get('metric_type') === 'total_value';
  const day = Math.floor(now / 86_400_000);
  const valueOn = (metric: string, d: number) =>
    metric === 'follower_count'
      ? account.followersCount - (day - d) * noise(`${account.id}:growth`, 5)
      : noise(`${account.id}:${metric}:${d}`, 2000);
  return {
    data: metrics.map((name) => ({
      name,
      period,
      ...(totals
        ? { total_value: { value: valueOn(name, day) } }
        : {
            values: [day - 1, day].map((d) => ({
              value: valueOn(name, d),
              end_time: graphTime((d + 1) * 86_400_000 - 8 * 3_600_000),
            })),
          }),
      title: TITLES[name] ?? name,
      description: `${TITLES[name] ?? name} of the account.`,
      id: `${account.id}/insights/${name}/${period}`,
    })),
  };
}
