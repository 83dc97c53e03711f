package com.allthrive.sms.accounts.web;

import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.UserId;

final class Ids {

  private Ids() {}

  static UserId user(String raw) {
    if (!UserId.isValid(raw)) {
      throw ApiProblem.badRequest(
          "invalid_user_id", "user_id must be 1-64 characters of [A-Za-z0-9_.:@-].");
    }
    return new UserId(raw);
  }
}
