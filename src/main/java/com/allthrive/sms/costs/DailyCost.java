package com.allthrive.sms.costs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the daily cost report: a UTC day, a message type and a destination country ({@code ZZ}
 * when unknown). Amounts are exact USD; {@code live} marks today's row, counted up to now.
 *
 * @param estimatedCost sum of the estimates made when the messages were queued
 * @param actualCost sum of the provider's prices known so far
 * @param cost actual price where known, else the estimate
 * @param failed failed or undelivered messages
 * @param savedByEncoding segments saved by replacing look-alikes with GSM-7 characters
 * @param savedByTrimming segments saved by shortening user text to the type's segment budget
 */
public record DailyCost(
    LocalDate day,
    String messageType,
    String country,
    int messages,
    int segments,
    BigDecimal estimatedCost,
    BigDecimal actualCost,
    BigDecimal cost,
    int delivered,
    int failed,
    int savedByEncoding,
    int savedByTrimming,
    boolean live) {}
