package com.allthrive.sms.costs;

import java.math.BigDecimal;

/**
 * What one user's texts cost in a period (exact USD).
 *
 * @param cost actual price where known, else the estimate; the listing's order
 */
public record UserCost(
    String userId,
    int messages,
    int segments,
    BigDecimal estimatedCost,
    BigDecimal actualCost,
    BigDecimal cost) {}
