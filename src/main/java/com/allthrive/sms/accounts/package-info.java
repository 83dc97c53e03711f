/**
 * The users the service knows, provisioned by the platform: their phone number (verified or not)
 * and time zone; erasure; and who may call the service (platform and admin API keys, end-user
 * JWTs). A number can be verified by one account at a time ({@code account.verified_phone} is
 * unique). Erasure publishes {@link com.allthrive.sms.accounts.AccountErased}; each module that
 * keeps data about the user removes or anonymizes it in the same transaction.
 *
 * <p>A code request makes a number the account's pending one ({@code account.pending_phone}); a
 * verified number stays the current one until the pending one is verified, which then replaces it
 * and publishes {@link com.allthrive.sms.accounts.PhoneNumberChanged} before {@link
 * com.allthrive.sms.accounts.PhoneVerified}. Setting the number outright clears any pending one.
 * {@link com.allthrive.sms.accounts.AccountSql} gives other modules SQL fragments about accounts
 * (delivery's send-time conditions), so no other module names the {@code account} table's columns.
 *
 * <p>Changes to one user's number and verification are serialized by the account row's lock ({@link
 * com.allthrive.sms.accounts.Accounts#findForUpdate}); modules that keep rows of their own about a
 * user's number take that lock first, then their own, so no two flows deadlock.
 *
 * <p>Demo mode ({@code SMS_DEMO=true}) seeds three users with verified example numbers (555-01xx,
 * never assigned) unless they exist, and opens {@code POST /api/v1/demo/tokens {user_id}}, which
 * mints a one-hour token for a provisioned user; outside demo mode that path answers 404. Keys and
 * the JWT secret that demo mode generates are kept in {@code SMS_DATA_DIR/demo-secrets.properties}
 * (owner-readable only) so copied keys and minted tokens survive a restart; {@link
 * com.allthrive.sms.accounts.DemoAccess} hands the demo console a platform and an admin key.
 * End-user tokens are checked by Spring Security's resource server: HS256 with {@code JWT_SECRET}
 * or keys from {@code JWT_JWKS_URI}, {@code exp} required, {@code alg: none} and other algorithms
 * refused. Security observations (per filter, authentication, authorization) are off: they cost a
 * large share of each request's CPU and the HTTP server metrics cover the answers.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package com.allthrive.sms.accounts;

import org.springframework.modulith.ApplicationModule;
