// The locations each person looked up lately, for the `location` autocomplete: the API cannot search locations
// by name (only around a point or by a Facebook Places id, reference §2.7), so the names a person can pick from
// are the ones they have already seen — and the places around the last point they used, searched again when they
// type a name. Held in memory, bounded per person and in the number of people; a restart forgets them, which
// costs nothing but a suggestion.
export interface RecentLocation {
  id: string;
  name: string;
}

export interface RecentLocationsOptions {
  /** Locations kept per person, newest first. Default 25 (one autocomplete answer). */
  perPerson?: number | undefined;
  /** People kept; the one seen least recently goes first. Default 10,000. */
  maxPeople?: number | undefined;
}

export interface Point {
  lat: number;
  lng: number;
}

export class RecentLocations {
  private readonly byPerson = new Map<string, RecentLocation[]>();
  /** The last coordinates each person searched around: a typed name is looked for there. */
  private readonly points = new Map<string, Point>();
  private readonly perPerson: number;
  private readonly maxPeople: number;

  constructor(options: RecentLocationsOptions = {}) {
    this.perPerson = options.perPerson ?? 25;
    this.maxPeople = options.maxPeople ?? 10_000;
  }

  /** Puts these locations first in `personId`'s list (the first of them first), without duplicates. */
  remember(personId: string, locations: readonly RecentLocation[]): void {
    if (locations.length === 0) return;
    const ids = new Set(locations.map((l) => l.id));
    const kept = (this.byPerson.get(personId) ?? []).filter((l) => !ids.has(l.id));
    const unique = locations.filter((l, i) => locations.findIndex((m) => m.id === l.id) === i);
    this.byPerson.delete(personId);
    this.byPerson.set(personId, [...unique, ...kept].slice(0, this.perPerson));
    while (this.byPerson.size > this.maxPeople) {
      const oldest = this.byPerson.keys().next().value;
      if (oldest === undefined) break;
      this.byPerson.delete(oldest);
    }
  }

  /** Remembers the point `personId` last searched around (typed coordinates, /location search, /media near). */
  rememberPoint(personId: string, at: Point): void {
    this.points.delete(personId);
    this.points.set(personId, { lat: at.lat, lng: at.lng });
    while (this.points.size > this.maxPeople) {
      const oldest = this.points.keys().next().value;
      if (oldest === undefined) break;
      this.points.delete(oldest);
    }
  }

  /** The point `personId` last searched around, if any. */
  lastPoint(personId: string): Point | undefined {
    return this.points.get(personId);
  }

  /** `personId`'s locations whose name contains `typed` or whose id starts with it, newest first. */
  matching(personId: string, typed: string): RecentLocation[] {
    const wanted = typed.trim().toLowerCase();
    return (this.byPerson.get(personId) ?? []).filter(
      (l) => wanted === '' || l.name.toLowerCase().includes(wanted) || l.id.startsWith(wanted),
    );
  }
}
