package com.allthrive.sms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the local PostgreSQL. With {@code CI=true} a missing server fails
 * the class; elsewhere the class is skipped with a printed reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalServiceCondition.Postgres.class)
public @interface RequiresPostgres {}
