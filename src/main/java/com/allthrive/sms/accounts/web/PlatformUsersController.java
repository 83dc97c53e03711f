package com.allthrive.sms.accounts.web;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.internal.AccountService;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.PhoneNumbers;
import com.allthrive.sms.shared.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform provisions, reads and erases users. */
@RestController
@RequestMapping("/api/v1/platform/users")
class PlatformUsersController {

  record UpsertUser(
      @NotBlank @Size(max = 150) String username,
      @Size(max = 150) String displayName,
      @Size(max = 64) String timezone,
      @Size(max = 40) String phoneNumber) {}

  private final AccountService accounts;

  PlatformUsersController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PutMapping("/{userId}")
  AccountView upsert(@PathVariable String userId, @Valid @RequestBody UpsertUser body) {
    UserId id = Ids.user(userId);
    var zone = Zones.parse(body.timezone());
    var phone =
        body.phoneNumber() == null
            ? null
            : PhoneNumbers.require("phone_number", body.phoneNumber()).number();
    Account account = accounts.upsert(id, body.username().trim(), body.displayName(), zone, phone);
    return AccountView.of(account);
  }

  @GetMapping("/{userId}")
  AccountView get(@PathVariable String userId) {
    UserId id = Ids.user(userId);
    return AccountView.of(accounts.find(id).orElseThrow(() -> unknown()));
  }

  @DeleteMapping("/{userId}")
  ResponseEntity<Void> erase(@PathVariable String userId) {
    if (!accounts.erase(Ids.user(userId))) {
      throw unknown();
    }
    return ResponseEntity.noContent().build();
  }

  private static ApiProblem unknown() {
    return ApiProblem.notFound("unknown_user", "No such user.");
  }
}
