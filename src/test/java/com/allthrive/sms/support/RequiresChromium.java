package com.allthrive.sms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that drives Debian's Chromium through chromedriver. With {@code CI=true} a
 * missing browser fails the class; elsewhere the class is skipped with a printed reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalServiceCondition.Chromium.class)
public @interface RequiresChromium {}
