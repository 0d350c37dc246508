import { describe, expect, it } from 'vitest';
import { instagramNotificationSchema } from '../../../src/providers/v1/notification.js';
import {
  commentSchema,
  fullUserSchema,
  locationSchema,
  mediaSchema,
  oauthTokenSchema,
  paginationSchema,
  relationshipSchema,
  shortUserSchema,
  subscriptionSchema,
  tagSchema,
} from '../../../src/providers/v1/schemas.js';
import { validate, ValidationError } from '../../../src/util/validate.js';

const USER = {
  id: '3783043842',
  username: 'razdvatrizhepa',
  full_name: 'Dima Erokhin',
  profile_picture: 'https://scontent.cdninstagram.com/t51.2885-19/s150x150/1_a.jpg',
};
const rendition = (size: number) => ({
  url: `https://scontent.cdninstagram.com/s${size}/1_n.jpg`,
  width: size,
  height: size,
});
const IMAGES = { thumbnail: rendition(150), low_resolution: rendition(320), standard_resolution: rendition(640) };
const VIDEOS = { standard_resolution: rendition(640), low_bandwidth: rendition(480), low_resolution: rendition(480) };

// The late-API example media of reference §2.9, verbatim.
const IMAGE_MEDIA = {
  attribution: null,
  tags: ['sunset', 'nofilter'],
  type: 'image',
  location: { latitude: 50.445858, longitude: 30.5101719, name: 'Avalon', id: 1013986062 },
  comments: { count: 2 },
  filter: 'Lark',
  created_time: '1473525145',
  link: 'https://www.instagram.com/p/BKLqaSnBHnm/',
  likes: { count: 7 },
  images: IMAGES,
  users_in_photo: [{ user: { username: 'kevin' }, position: { x: 0.315, y: 0.9111 } }],
  caption: { id: '17842009366192476', created_time: '1473525145', text: 'Evening walk #sunset #nofilter', from: USER },
  user_has_liked: false,
  id: '1336348239087303142_3783043842',
  user: USER,
};

describe('media schema', () => {
  it('accepts the reference image example and normalises the numeric location id to a string', () => {
    const media = validate(mediaSchema, IMAGE_MEDIA, 'media');
    expect(media.type).toBe('image');
    expect(media.location?.id).toBe('1013986062');
    expect(media.users_in_photo).toEqual([
      { user: { username: 'kevin', id: undefined }, position: { x: 0.315, y: 0.9111 } },
    ]);
    expect(media.caption?.text).toBe('Evening walk #sunset #nofilter');
  });

  it('accepts a video whose users_in_photo is null, giving an empty array', () => {
    const media = validate(
      mediaSchema,
      { ...IMAGE_MEDIA, type: 'video', videos: VIDEOS, users_in_photo: null },
      'media',
    );
    expect(media.type).toBe('video');
    expect(media.users_in_photo).toEqual([]);
    if (media.type === 'video') expect(media.videos.low_bandwidth?.width).toBe(480);
  });

  it('accepts a carousel of an image and a video', () => {
    const media = validate(
      mediaSchema,
      {
        ...IMAGE_MEDIA,
        type: 'carousel',
        carousel_media: [
          { type: 'image', images: IMAGES, users_in_photo: [] },
          { type: 'video', videos: VIDEOS, users_in_photo: [] },
        ],
      },
      'media',
    );
    expect(media.type === 'carousel' && media.carousel_media.map((i) => i.type)).toEqual(['image', 'video']);
  });

  it('accepts the tolerant variants: null caption, null location, numeric ids and times, old full users in photo', () => {
    const media = validate(
      mediaSchema,
      {
        ...IMAGE_MEDIA,
        id: 1336348239087303,
        created_time: 1473525145,
        caption: null,
        location: null,
        users_in_photo: [{ user: USER, position: { x: 0, y: 1 } }],
        user: { id: 3783043842, username: 'old', first_name: 'Old', last_name: 'Timer', profile_picture: 'x' },
      },
      'media',
    );
    expect(media.id).toBe('1336348239087303');
    expect(media.created_time).toBe('1473525145');
    expect(media.caption).toBeNull();
    expect(media.location).toBeNull();
    expect(media.user).toEqual({ id: '3783043842', username: 'old', full_name: 'Old Timer', profile_picture: 'x' });
    expect(media.users_in_photo[0]?.user).toEqual({ username: 'razdvatrizhepa', id: '3783043842' });
  });

  it('accepts an old coordinates-only location with id and name null, and a search result distance', () => {
    const media = validate(
      mediaSchema,
      { ...IMAGE_MEDIA, distance: 41.7, location: { id: null, name: null, latitude: 1, longitude: 2 } },
      'media',
    );
    expect(media.location).toEqual({ id: null, name: null, latitude: 1, longitude: 2 });
    expect(media.distance).toBe(41.7);
  });

  it('rejects garbage: an unknown type, a video without videos, a carousel without items, a missing user', () => {
    expect(() => validate(mediaSchema, { ...IMAGE_MEDIA, type: 'story' }, 'media')).toThrow(ValidationError);
    expect(() => validate(mediaSchema, { ...IMAGE_MEDIA, type: 'video' }, 'media')).toThrow(ValidationError);
    expect(() => validate(mediaSchema, { ...IMAGE_MEDIA, type: 'carousel', carousel_media: [] }, 'media')).toThrow(
      ValidationError,
    );
    const { user: _user, ...withoutUser } = IMAGE_MEDIA;
    expect(() => validate(mediaSchema, withoutUser, 'media')).toThrow(/user/);
    expect(() => validate(mediaSchema, 'media', 'media')).toThrow(ValidationError);
    expect(() => validate(mediaSchema, { ...IMAGE_MEDIA, created_time: 'yesterday' }, 'media')).toThrow(
      ValidationError,
    );
  });
});

describe('user schemas', () => {
  it('accepts a full user with counts and is_business', () => {
    const user = validate(
      fullUserSchema,
      { ...USER, bio: '', website: '', is_business: false, counts: { media: 3, follows: 4, followed_by: 5 } },
      'user',
    );
    expect(user.counts).toEqual({ media: 3, follows: 4, followed_by: 5 });
  });

  it('builds full_name from old first_name/last_name and accepts numeric ids', () => {
    expect(
      validate(shortUserSchema, { id: 42, username: 'u', first_name: 'Ada', last_name: 'Lovelace' }, 'user'),
    ).toEqual({
      id: '42',
      username: 'u',
      full_name: 'Ada Lovelace',
      profile_picture: undefined,
    });
  });

  it('rejects a user without a username or counts of the wrong type', () => {
    expect(() => validate(shortUserSchema, { id: '1' }, 'user')).toThrow(ValidationError);
    expect(() =>
      validate(fullUserSchema, { ...USER, counts: { media: '3', follows: 4, followed_by: 5 } }, 'user'),
    ).toThrow(ValidationError);
  });
});

describe('other objects', () => {
  it('accepts a comment with a string time and rejects one without text', () => {
    expect(validate(commentSchema, IMAGE_MEDIA.caption, 'comment').id).toBe('17842009366192476');
    expect(() => validate(commentSchema, { ...IMAGE_MEDIA.caption, text: undefined }, 'comment')).toThrow(
      ValidationError,
    );
  });

  it('accepts tags and locations from their own endpoints', () => {
    expect(validate(tagSchema, { name: 'sunset', media_count: 12 }, 'tag')).toEqual({
      name: 'sunset',
      media_count: 12,
    });
    expect(
      validate(locationSchema, { id: '1013986062', name: 'Avalon', latitude: 50.4, longitude: 30.5 }, 'l').id,
    ).toBe('1013986062');
    expect(() => validate(tagSchema, { name: 'sunset', media_count: -1 }, 'tag')).toThrow(ValidationError);
  });

  it('accepts both relationship shapes and rejects an unknown status', () => {
    expect(
      validate(
        relationshipSchema,
        { outgoing_status: 'none', incoming_status: 'requested_by', target_user_is_private: true },
        'r',
      ),
    ).toMatchObject({ incoming_status: 'requested_by' });
    expect(validate(relationshipSchema, { outgoing_status: 'requested' }, 'r')).toEqual({
      outgoing_status: 'requested',
    });
    expect(() => validate(relationshipSchema, { outgoing_status: 'friends' }, 'r')).toThrow(ValidationError);
  });

  it('accepts the real subscription create response (object_id null, id a string)', () => {
    expect(
      validate(
        subscriptionSchema,
        {
          object: 'user',
          object_id: null,
          aspect: 'media',
          callback_url: 'http://example.com/hook/instagram/',
          type: 'subscription',
          id: '20472636',
        },
        's',
      ),
    ).toMatchObject({ id: '20472636', object_id: null });
  });

  it('normalises pagination cursors to strings and accepts {} and a missing pagination', () => {
    expect(validate(paginationSchema, { next_url: 'https://x/v1/y?max_id=1', next_max_id: 1234 }, 'p')).toMatchObject({
      next_max_id: '1234',
    });
    expect(validate(paginationSchema, {}, 'p').next_url).toBeUndefined();
    expect(validate(paginationSchema, undefined, 'p').next_cursor).toBeUndefined();
    const tag = validate(
      paginationSchema,
      {
        next_max_tag_id: '1111',
        deprecation_warning:
          'next_max_id and min_id are deprecated for this endpoint; use min_tag_id and max_tag_id instead',
        next_max_id: '1111',
        next_min_id: '2222',
        min_tag_id: '2222',
        next_url: 'https://api.instagram.com/v1/tags/x/media/recent?max_tag_id=1111',
      },
      'p',
    );
    expect(tag).toMatchObject({ next_max_tag_id: '1111', min_tag_id: '2222' });
    expect(() => validate(paginationSchema, { next_cursor: { nested: true } }, 'p')).toThrow(ValidationError);
  });

  it('accepts the real 2016 token exchange response', () => {
    const token = validate(
      oauthTokenSchema,
      {
        access_token: '334239322.1d3c2f3.ecb836549a83694bf7d783915d2c4d3a',
        user: {
          id: '334239322',
          username: 'immoh',
          full_name: 'Immo Heikkinen',
          profile_picture: 'p',
          bio: '',
          website: '',
        },
      },
      'token',
    );
    expect(token.user.id).toBe('334239322');
    expect(() => validate(oauthTokenSchema, { user: token.user }, 'token')).toThrow(ValidationError);
  });

  it('accepts a notification batch with a numeric subscription_id and a tag update with empty data', () => {
    const updates = validate(
      instagramNotificationSchema,
      [
        {
          changed_aspect: 'media',
          object: 'user',
          object_id: '190277687',
          time: 1477869300,
          subscription_id: 3953547,
          data: { media_id: '1372789645779973559_190277687' },
        },
        {
          changed_aspect: 'media',
          object: 'tag',
          object_id: 'sunset',
          time: 1477869301,
          subscription_id: '2',
          data: {},
        },
      ],
      'notification',
    );
    expect(updates.map((u) => [u.subscription_id, u.data.media_id])).toEqual([
      ['3953547', '1372789645779973559_190277687'],
      ['2', undefined],
    ]);
    expect(() => validate(instagramNotificationSchema, { object: 'user' }, 'notification')).toThrow(ValidationError);
  });
});
