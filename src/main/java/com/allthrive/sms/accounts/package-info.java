/**
 * The users the service knows, provisioned by the platform: their phone number (verified or not)
 * and time zone; erasure; and who may call the service (platform and admin API keys, end-user
 * JWTs). A number can be verified by one account at a time ({@code account.verified_phone} is
 * unique). Erasure publishes {@link com.allthrive.sms.accounts.AccountErased}; each module that
 * keeps data about the user removes or anonymizes it in the same transaction.
 */
package com.allthrive.sms.accounts;
