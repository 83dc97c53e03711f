/**
 * Value types every module shares ({@link com.allthrive.sms.shared.PhoneNumber}, {@link
 * com.allthrive.sms.shared.UserId}, {@link com.allthrive.sms.shared.Money}), the injected {@link
 * java.time.Clock}, RFC 9457 error mapping ({@link com.allthrive.sms.shared.ApiProblem}) and a
 * race-free fixed-window counter ({@link com.allthrive.sms.shared.WindowCounter}), race-free
 * sliding limits ({@link com.allthrive.sms.shared.SlidingLimiter}, GCRA) and the per-user SMS quota
 * built on them ({@link com.allthrive.sms.shared.UserSmsQuota}), which both the policy and the
 * preferences answer read.
 */
package com.allthrive.sms.shared;
