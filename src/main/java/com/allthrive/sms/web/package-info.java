/**
 * The pages: {@code /settings} (a user's SMS settings), {@code /admin} (the operator's log,
 * decisions, delivery and costs) and, in demo mode only, {@code /demo} (act as the platform and
 * watch the console outbox). Thymeleaf renders each page's frame; small ES modules under {@code
 * /js} fill it from the JSON API, so a page shows what the API returns and nothing else. The module
 * uses only the other modules' public APIs.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li><b>Who calls what.</b> {@code /settings} calls the end-user API with a bearer token: in
 *       demo mode it offers the demo users (a token from {@code POST /api/v1/demo/tokens});
 *       otherwise the platform hands the user's JWT over, as {@code ?token=} (read once, kept in
 *       the tab's session storage and removed from the address bar at once) or as an {@code
 *       Authorization} header on the request for the page. {@code /admin} asks for an admin key or
 *       an admin JWT, kept in the tab's session storage; in demo mode it offers the demo admin key.
 *   <li><b>The demo console</b> acts as the platform with the demo platform key (demo mode only,
 *       the same key the startup notice prints). {@code GET /api/v1/demo/outbox} and its live
 *       stream ({@code /api/v1/demo/outbox/stream}, server-sent events) show the console provider's
 *       texts in full, codes included; the application log never does. {@code POST
 *       /api/v1/demo/inbound} hands a text "from" a phone to the same handler as Twilio's signed
 *       webhook, which stays as it is. Outside demo mode all three answer 404.
 *   <li><b>Sections that depend on an API the service may not have</b> (costs, alerts, quotas,
 *       presence, challenges) are hidden or say "not available" when the endpoint answers 404 or
 *       the member is absent.
 *   <li><b>Startup notice.</b> In demo mode the start ends with one block on standard output (not
 *       the log): the page URLs, Swagger, the keys and the demo users with their full example
 *       numbers.
 * </ul>
 */
@ApplicationModule(allowedDependencies = {"accounts", "delivery", "preferences", "shared"})
package com.allthrive.sms.web;

import org.springframework.modulith.ApplicationModule;
