package com.allthrive.sms.accounts.web;

import com.allthrive.sms.accounts.internal.AccountService;
import com.allthrive.sms.shared.CurrentUser;
import com.allthrive.sms.shared.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user sets or clears their own number; a new number always starts unverified. */
@RestController
@RequestMapping("/api/v1/me/phone")
class MyPhoneController {

  record SetPhone(@NotNull String phoneNumber) {}

  private final AccountService accounts;

  MyPhoneController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PutMapping
  AccountView set(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SetPhone body) {
    var phone = PhoneNumbers.require("phone_number", body.phoneNumber()).number();
    return AccountView.of(accounts.setPhone(CurrentUser.of(jwt), phone));
  }

  @DeleteMapping
  ResponseEntity<Void> clear(@AuthenticationPrincipal Jwt jwt) {
    accounts.setPhone(CurrentUser.of(jwt), null);
    return ResponseEntity.noContent().build();
  }
}
