// An Instagram profile and a comment as igcord shows them, whichever provider served them.
import type { Person } from './post.js';

export interface Profile extends Person {
  id: string;
  bio: string;
  website: string;
  business?: boolean | undefined;
  counts: { posts: number; followers: number; following: number };
}

export interface Comment {
  id: string;
  /** Unix seconds. */
  time: number;
  text: string;
  author: Person;
}

/** A hashtag and how many posts carry it. */
export interface TagInfo {
  name: string;
  postCount: number;
}
