package com.allthrive.sms.accounts;

/**
 * Proof of how a user agreed to receive texts: where the request came from and the disclosure text
 * they were shown.
 */
public record ConsentEvidence(String ip, String userAgent, String disclosureText) {}
