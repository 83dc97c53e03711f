package com.allthrive.sms.accounts.web;

import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.accounts.AccountsSettings;
import com.allthrive.sms.accounts.TokenMinter;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.UserId;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode only: a token for a provisioned user, so the demo page can act as them without the
 * platform. Outside demo mode the resource does not exist (404).
 */
@RestController
@RequestMapping("/api/v1/demo/tokens")
class DemoTokensController {

  static final Duration LIFETIME = Duration.ofHours(1);

  record TokenRequest(String userId) {}

  record TokenView(String accessToken, String tokenType, long expiresIn) {}

  private final AccountsSettings settings;
  private final Accounts accounts;
  private final TokenMinter minter;

  DemoTokensController(AccountsSettings settings, Accounts accounts, TokenMinter minter) {
    this.settings = settings;
    this.accounts = accounts;
    this.minter = minter;
  }

  @PostMapping
  TokenView mint(@RequestBody(required = false) TokenRequest body) {
    if (!settings.demo()) {
      throw ApiProblem.notFound("not_found", "Tokens are minted only in demo mode.");
    }
    UserId user = Ids.user(body == null ? null : body.userId());
    if (accounts.find(user).isEmpty()) {
      throw ApiProblem.notFound("unknown_user", "The platform has not provisioned this user.");
    }
    return new TokenView(minter.mint(user, LIFETIME, List.of()), "Bearer", LIFETIME.toSeconds());
  }
}
