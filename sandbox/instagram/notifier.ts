// Delivers real-time notifications (reference §6.4): when a sandbox user posts media, each `user` subscription's
// callback receives a POST whose raw body is a JSON array of one update, signed with X-Hub-Signature = lowercase
// hex HMAC-SHA1(client_secret, raw body). Delivery happens in the background with a timeout (2 s by default)
// and, only if configured, retries; every delivery is logged, including those a fault dropped.
import { createHmac } from 'node:crypto';
import type { MediaRecord } from './world.js';
import type { EmulatorState, NotificationLogEntry, Subscription } from './state.js';

export class Notifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly state: EmulatorState) {}

  /** Starts one delivery per user subscription; returns without waiting for them. */
  mediaPosted(media: MediaRecord): void {
    for (const subscription of this.state.subscriptions.filter((s) => s.object === 'user')) {
      const delivery = this.deliver(subscription, media).finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
  }

  /** Resolves once every delivery started so far has finished (used on close). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async deliver(subscription: Subscription, media: MediaRecord): Promise<void> {
    const app = this.state.clients.get(subscription.clientId);
    if (!app) return;
    const update = [
      {
        changed_aspect: 'media',
        object: 'user',
        object_id: media.ownerId,
        time: Math.floor(this.state.now() / 1000),
        subscription_id: Number(subscription.id),
        data: { media_id: media.id },
      },
    ];
    const raw = JSON.stringify(update);
    const entry: NotificationLogEntry = {
      time: Date.now(),
      subscriptionId: subscription.id,
      callbackUrl: subscription.callbackUrl,
      body: update,
      attempts: 0,
    };
    this.state.notifications.push(entry);
    let path = subscription.callbackUrl;
    try {
      path = new URL(subscription.callbackUrl).pathname;
    } catch {
      // Validated at create time; keep the raw URL for matching otherwise.
    }
    if (this.state.faults.take('POST', path, ['drop-notification'])) {
      entry.dropped = true;
      return;
    }
    const signature = createHmac('sha1', app.clientSecret).update(raw, 'utf8').digest('hex');
    for (let attempt = 0; attempt <= this.state.settings.notificationRetries; attempt++) {
      if (this.state.closing.signal.aborted) return;
      entry.attempts = attempt + 1;
      try {
        const response = await fetch(subscription.callbackUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Hub-Signature': signature,
            'User-Agent': 'Python-urllib/2.7',
          },
          body: raw,
          redirect: 'manual',
          signal: AbortSignal.any([
            AbortSignal.timeout(this.state.settings.notificationTimeoutMs),
            this.state.closing.signal,
          ]),
        });
        await response.arrayBuffer().catch(() => undefined);
        entry.status = response.status;
        delete entry.error;
        if (response.ok) return;
      } catch (error) {
        entry.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  }
}
