package com.allthrive.sms.web.docs;

import java.util.Map;

/** One line per operation for the API description, when its handler declares none. */
final class Summaries {

  private static final Map<String, String> BY_OPERATION =
      Map.ofEntries(
          Map.entry("GET /api/v1/me/sms-preferences", "Read your SMS settings"),
          Map.entry("PATCH /api/v1/me/sms-preferences", "Change your SMS settings"),
          Map.entry("PUT /api/v1/me/phone", "Set your phone number (it starts unverified)"),
          Map.entry("DELETE /api/v1/me/phone", "Remove your phone number"),
          Map.entry("POST /api/v1/users/phone/request-verification", "Text a verification code"),
          Map.entry("POST /api/v1/users/phone/verify", "Prove you received the code"),
          Map.entry("GET /api/v1/me/sms-messages", "Your own texts, newest first"),
          Map.entry("GET /api/v1/me/consent-history", "Your consent history, newest first"),
          Map.entry("PUT /api/v1/platform/users/{id}", "Provision or update a user"),
          Map.entry("GET /api/v1/platform/users/{id}", "Read a provisioned user"),
          Map.entry("DELETE /api/v1/platform/users/{id}", "Erase a user"),
          Map.entry(
              "PUT /api/v1/platform/challenges/{id}", "Schedule a challenge's deadline reminders"),
          Map.entry("DELETE /api/v1/platform/challenges/{id}", "Cancel a challenge's reminders"),
          Map.entry(
              "POST /api/v1/platform/challenges/{id}/submissions/{id}",
              "Mark a participant done: no more reminders for them"),
          Map.entry("PUT /api/v1/platform/presence/{id}", "Report a user online or offline"),
          Map.entry("GET /api/v1/admin/sms-messages", "The SMS log, filtered and paged"),
          Map.entry("GET /api/v1/admin/decisions", "The policy's decisions, filtered and paged"),
          Map.entry("GET /api/v1/admin/decisions/counts", "Decisions counted by day and reason"),
          Map.entry("GET /api/v1/admin/consent-history", "The consent history of a number"),
          Map.entry("GET /api/v1/admin/costs/daily", "Daily cost by message type"),
          Map.entry("GET /api/v1/admin/costs/users", "Cost per user for a period"),
          Map.entry("GET /api/v1/admin/alerts", "Cost and delivery alerts"),
          Map.entry("POST /webhooks/twilio/status", "Twilio's status callback"),
          Map.entry("POST /webhooks/twilio/inbound", "A text to our number (STOP, START, HELP)"),
          Map.entry("POST /api/v1/demo/tokens", "Mint a one-hour token for a provisioned user"));

  private Summaries() {}

  /** The summary of {@code "METHOD /path"}; any path variable may be named anything. */
  static String of(String operation) {
    return BY_OPERATION.get(operation.replaceAll("\\{[^}]+}", "{id}"));
  }
}
