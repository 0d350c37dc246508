// Media objects shaped like the Platform API's (reference §2.9), parsed through the client's own schema and mapped
// into core posts and profiles by the v1 provider's own mapping, so the embed tests render exactly what igcord
// will be given.
import type { Post, Profile } from '../../../src/core/index.js';
import { fullUserSchema, mediaSchema } from '../../../src/providers/v1/schemas.js';
import { postFromV1, profileFromV1 } from '../../../src/providers/v1/to-core.js';

const rendition = (name: string) => ({ url: `https://scontent.cdninstagram.com/${name}.jpg`, width: 640, height: 640 });
const images = (name: string) => ({
  thumbnail: rendition(`${name}-t`),
  low_resolution: rendition(`${name}-l`),
  standard_resolution: rendition(`${name}-s`),
});
const videos = (name: string) => ({
  low_resolution: { url: `https://scontent.cdninstagram.com/${name}-l.mp4`, width: 480, height: 480 },
  standard_resolution: { url: `https://scontent.cdninstagram.com/${name}-s.mp4`, width: 640, height: 640 },
});

export interface MediaOverrides {
  caption?: string | null;
  tags?: string[];
  username?: string;
  fullName?: string;
  locationName?: string | null;
  tagged?: string[];
}

function base(id: string, o: MediaOverrides) {
  const username = o.username ?? 'igcord_tester';
  return {
    id: `${id}_3`,
    created_time: '1469541290',
    link: `https://www.instagram.com/p/${id}/`,
    filter: 'Normal',
    tags: o.tags ?? ['sunset', 'beach'],
    user: {
      id: '3',
      username,
      full_name: o.fullName ?? 'Igcord Tester',
      profile_picture: 'https://scontent.cdninstagram.com/p.jpg',
    },
    location:
      o.locationName === null
        ? null
        : { id: 514276, name: o.locationName ?? 'Brighton Beach', latitude: 50.82, longitude: -0.14 },
    caption:
      o.caption === null
        ? null
        : {
            id: '17',
            created_time: '1469541290',
            text: o.caption ?? 'Evening light #sunset',
            from: { id: '3', username },
          },
    likes: { count: 1234 },
    comments: { count: 56 },
    images: images(id),
    users_in_photo: (o.tagged ?? ['friend_one']).map((u) => ({ user: { username: u }, position: { x: 0.5, y: 0.5 } })),
  };
}

export const imageMedia = (o: MediaOverrides = {}): Post =>
  postFromV1(mediaSchema.parse({ ...base('BImg', o), type: 'image' }));

export const videoMedia = (o: MediaOverrides = {}): Post =>
  postFromV1(mediaSchema.parse({ ...base('BVid', o), type: 'video', videos: videos('v'), users_in_photo: null }));

export const carouselMedia = (items: number, o: MediaOverrides = {}): Post =>
  postFromV1(
    mediaSchema.parse({
      ...base('BCar', o),
      type: 'carousel',
      carousel_media: Array.from({ length: items }, (_, i) =>
        i === 1
          ? { type: 'video', images: images(`c${i}`), videos: videos(`c${i}`), users_in_photo: [] }
          : { type: 'image', images: images(`c${i}`), users_in_photo: [] },
      ),
    }),
  );

export const fullUser = (o: { bio?: string; website?: string; fullName?: string } = {}): Profile =>
  profileFromV1(
    fullUserSchema.parse({
      id: '3',
      username: 'igcord_tester',
      full_name: o.fullName ?? 'Igcord Tester',
      profile_picture: 'https://scontent.cdninstagram.com/p.jpg',
      bio: o.bio ?? 'Photos of the sea',
      website: o.website ?? 'https://example.com/',
      counts: { media: 1320, follows: 420, followed_by: 3410 },
    }),
  );
