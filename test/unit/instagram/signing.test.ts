import { describe, expect, it } from 'vitest';
import { resignUrl, signatureBase, signedEndpoint, signRequest } from '../../../src/providers/v1/signing.js';

// The two published, locally re-computed vectors of reference §5.1.
const SECRET = '6dc1787668c64c939929c17683d7cb74';
const TOKEN = 'fb2e77d.47a0479900504cb3ab4a1f626d174d2d';

describe('signed requests (sig)', () => {
  it('reproduces the /users/self test vector', () => {
    expect(signRequest('/users/self', [['access_token', TOKEN]], SECRET)).toBe(
      'cbf5a1f41db44412506cb6563a3218b50f45a710c7a8a65a3e9b18315bb338bf',
    );
  });

  it('reproduces the /media/{id} test vector with count=10, parameters given out of order', () => {
    expect(
      signRequest(
        '/media/657988443280050001_25025320',
        [
          ['count', '10'],
          ['access_token', TOKEN],
        ],
        SECRET,
      ),
    ).toBe('260634b241a6cfef5e4644c205fb30246ff637591142781b86e2075faf1b163a');
  });

  it('sorts keys by byte order, drops sig and keeps raw values', () => {
    expect(
      signatureBase('/tags/café', [
        ['b', 'x y'],
        ['sig', 'old'],
        ['B', '1'],
        ['a', 'é&'],
      ]),
    ).toBe('/tags/café|B=1|a=é&|b=x y');
  });

  it('signs the URL-decoded path without /v1', () => {
    expect(signedEndpoint('/v1/tags/caf%C3%A9/media/recent')).toBe('/tags/café/media/recent');
    expect(signedEndpoint('/v1/users/self.json')).toBe('/users/self.json');
  });

  it('re-signs a next_url, replacing any sig it carried', () => {
    const next = `https://api.instagram.com/v1/media/657988443280050001_25025320?access_token=${TOKEN}&count=10&sig=stale`;
    const resigned = new URL(resignUrl(next, SECRET));
    expect(resigned.searchParams.getAll('sig')).toEqual([
      '260634b241a6cfef5e4644c205fb30246ff637591142781b86e2075faf1b163a',
    ]);
    expect(resigned.searchParams.get('count')).toBe('10');
  });
});
