// The hosts a Graph client talks to, each a base URL given in its options (the composition root passes
// configuration; tests pass the emulator's), and the real ones. Nothing else in this folder names a host.
export interface GraphHosts {
  /** www.instagram.com: the Instagram Login authorize page. */
  instagramWww: string;
  /** api.instagram.com: the Instagram Login code exchange. */
  instagramApi: string;
  /** graph.instagram.com: Instagram Login's Graph, `access_token` and `refresh_access_token`. */
  instagramGraph: string;
  /** www.facebook.com: the Facebook Login dialog. */
  facebookWww: string;
  /** graph.facebook.com: Facebook Login's Graph and `oauth/access_token`. */
  facebookGraph: string;
}

export const REAL_GRAPH_HOSTS: GraphHosts = Object.freeze({
  instagramWww: 'https://www.instagram.com',
  instagramApi: 'https://api.instagram.com',
  instagramGraph: 'https://graph.instagram.com',
  facebookWww: 'https://www.facebook.com',
  facebookGraph: 'https://graph.facebook.com',
});
