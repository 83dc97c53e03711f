package com.allthrive.sms.preferences.web;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.preferences.internal.ConsentLedger;
import com.allthrive.sms.preferences.internal.PreferencesService;
import com.allthrive.sms.shared.CurrentUser;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.PhoneNumbers;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent ledger, newest first (at most {@value ConsentLedger#MAX_ROWS} rows): a user sees the
 * rows about themselves, an admin every row about a number.
 */
@RestController
class ConsentHistoryController {

  private final Accounts accounts;
  private final ConsentLedger ledger;

  ConsentHistoryController(Accounts accounts, ConsentLedger ledger) {
    this.accounts = accounts;
    this.ledger = ledger;
  }

  @GetMapping("/api/v1/me/consent-history")
  List<ConsentEntryView> mine(@AuthenticationPrincipal Jwt jwt) {
    var user = CurrentUser.of(jwt);
    accounts.find(user).orElseThrow(PreferencesService::unknownUser);
    return ledger.forUser(user).stream().map(ConsentEntryView::of).toList();
  }

  @GetMapping("/api/v1/admin/consent-history")
  List<ConsentEntryView> ofNumber(@RequestParam("phone_number") String phoneNumber) {
    return ledger.forNumber(number(phoneNumber)).stream().map(ConsentEntryView::of).toList();
  }

  /** E.164 as stored; a "+" that arrived unencoded in the query string reads as a space. */
  private static PhoneNumber number(String raw) {
    String value = raw.startsWith(" ") ? "+" + raw.strip() : raw.strip();
    if (value.matches("\\+[1-9]\\d{6,14}")) {
      return new PhoneNumber(value);
    }
    return PhoneNumbers.require("phone_number", value).number();
  }
}
