/**
 * Value types every module shares ({@link com.allthrive.sms.shared.PhoneNumber}, {@link
 * com.allthrive.sms.shared.UserId}, {@link com.allthrive.sms.shared.Money}), the injected {@link
 * java.time.Clock}, RFC 9457 error mapping ({@link com.allthrive.sms.shared.ApiProblem}) and a
 * race-free fixed-window counter ({@link com.allthrive.sms.shared.WindowCounter}), race-free
 * sliding limits ({@link com.allthrive.sms.shared.SlidingLimiter}, GCRA) and the per-user SMS quota
 * built on them ({@link com.allthrive.sms.shared.UserSmsQuota}), which both the policy and the
 * preferences answer read, and lookups of several modules sent in one round trip ({@link
 * com.allthrive.sms.shared.OneRoundTrip}): the accounts, preferences and delivery modules answer a
 * page's questions as lookups, and the policy sends them together.
 *
 * <p>Counter keys name people (a number, a user id), so the counter table stores only an
 * HMAC-SHA256 of each key under the server secret ({@code SMS_SECRET_KEY}; generated per start in
 * demo mode, so demo limits start over with each start). A recurring db-scheduler task ({@code
 * rate-counter-purge}, every ten minutes, one instance of the cluster) deletes each window once it
 * has ended: a row records its window's end.
 *
 * <p><b>Retention and erasure.</b> Each module purges its own tables with a recurring task built by
 * {@link com.allthrive.sms.shared.PurgeTasks} (hourly, one instance of the cluster, batches of
 * 5,000 rows), and declares every table it owns as a {@link com.allthrive.sms.shared.PersonalData}
 * bean with what erasure does to it; a test holds the declarations to the schema.
 *
 * <p>The {@code prod} profile refuses to start without its settings ({@link
 * com.allthrive.sms.shared.ProductionSettingsCheck}), {@code FRONTEND_URL} included so texts never
 * link to localhost. {@code REDIS_URL} is required only once a feature that keeps state in Redis
 * sets {@code sms.redis.required=true}. Spring Boot's Redis auto-configuration is left out: the
 * presence registry makes its own client from {@code REDIS_URL} at start, and reports it in health
 * as {@code presence}.
 */
@ApplicationModule(allowedDependencies = {})
package com.allthrive.sms.shared;

import org.springframework.modulith.ApplicationModule;
