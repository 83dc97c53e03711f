/**
 * Value types every module shares ({@link com.allthrive.sms.shared.PhoneNumber}, {@link
 * com.allthrive.sms.shared.UserId}, {@link com.allthrive.sms.shared.Money}), the injected {@link
 * java.time.Clock}, RFC 9457 error mapping ({@link com.allthrive.sms.shared.ApiProblem}) and a
 * race-free fixed-window counter ({@link com.allthrive.sms.shared.WindowCounter}).
 */
@ApplicationModule(allowedDependencies = {})
package com.allthrive.sms.shared;

import org.springframework.modulith.ApplicationModule;
