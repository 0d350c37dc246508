import { describe, expect, it } from 'vitest';
import { instagramNotificationSchema } from '../../../src/providers/v1/notification.js';
import { validate, ValidationError } from '../../../src/util/validate.js';

const parse = (value: unknown) => validate(instagramNotificationSchema, value, 'notification');

describe('Instagram notification schema', () => {
  it('normalises the real 2016 payload: numeric subscription id to a string, media id kept', () => {
    expect(
      parse([
        {
          changed_aspect: 'media',
          object: 'user',
          object_id: '190277687',
          time: 1477869300,
          subscription_id: 0,
          data: { media_id: '1372789645779973559_190277687' },
        },
      ]),
    ).toEqual([
      {
        subscription_id: '0',
        object: 'user',
        object_id: '190277687',
        changed_aspect: 'media',
        time: 1477869300,
        data: { media_id: '1372789645779973559_190277687' },
      },
    ]);
  });

  it('accepts the docs-era shape: string subscription id, string time, numeric object id, tag data {}, unknown fields', () => {
    expect(
      parse([
        {
          subscription_id: '1',
          object: 'tag',
          object_id: 'nofilter',
          changed_aspect: 'media',
          time: '1297286541',
          data: {},
          extra: true,
        },
        { subscription_id: 2, object: 'location', object_id: 1257285, changed_aspect: 'media', time: 1297286541.5 },
      ]),
    ).toEqual([
      {
        subscription_id: '1',
        object: 'tag',
        object_id: 'nofilter',
        changed_aspect: 'media',
        time: 1297286541,
        data: {},
      },
      {
        subscription_id: '2',
        object: 'location',
        object_id: '1257285',
        changed_aspect: 'media',
        time: 1297286541,
        data: {},
      },
    ]);
  });

  it.each([
    ['an object instead of an array', { subscription_id: 1 }],
    ['an empty array', []],
    ['an update without object_id', [{ subscription_id: 1, object: 'user', changed_aspect: 'media', time: 1 }]],
    [
      'a time that is not unix seconds',
      [{ subscription_id: 1, object: 'user', object_id: '1', changed_aspect: 'media', time: 'yesterday' }],
    ],
    [
      'a negative subscription id',
      [{ subscription_id: -1, object: 'user', object_id: '1', changed_aspect: 'media', time: 1 }],
    ],
    ['null', null],
  ])('rejects %s with a ValidationError', (_name, value) => {
    expect(() => parse(value)).toThrow(ValidationError);
  });
});
