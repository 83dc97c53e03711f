/**
 * Who is online: the {@code /ws/presence} WebSocket, heartbeats, and the registry (in Redis when
 * {@code REDIS_URL} is set, in memory otherwise). Other modules ask {@link
 * com.allthrive.sms.presence.Presence}.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li><b>Every socket counts.</b> Each socket is an entry of its own in the registry, so a user
 *       with two tabs stays online when one closes. The platform's heartbeat ({@code PUT
 *       /api/v1/platform/presence/{user_id}}) is one more entry: {@code online: false} ends that
 *       entry only, the user's open sockets still count.
 *   <li><b>Heartbeats.</b> An entry holds for {@code SMS_PRESENCE_TTL} (60 s) after its last
 *       heartbeat. For a socket a heartbeat is any message from the client or the pong to the ping
 *       the service sends every {@code SMS_PRESENCE_PING_INTERVAL} (20 s; browsers answer pings by
 *       themselves). A crashed instance renews nothing, so its sockets stop counting within the
 *       TTL; a socket silent for a whole TTL is closed.
 *   <li><b>Redis layout.</b> A key per user and connection, {@code presence:c:<user>:<id>}, with a
 *       Redis expiry (Redis's clock decides, the same for every instance), and a set per user,
 *       {@code presence:u:<user>}, listing their connections; each call is one Lua script.
 *   <li><b>Failure.</b> When Redis cannot be reached the user counts as offline (a text may go to
 *       someone who is online, never an error for the event); the {@code presence} health component
 *       is down and {@code sms.presence.registry.failures} counts the failed calls.
 *   <li><b>Handshake.</b> The token comes in {@code ?access_token=} (browsers cannot set headers on
 *       a WebSocket) and is checked by the same decoder as the API's bearer tokens; a missing, bad
 *       or expired token is refused with 401. Any origin may connect: no cookie is involved.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"shared"})
package com.allthrive.sms.presence;

import org.springframework.modulith.ApplicationModule;
