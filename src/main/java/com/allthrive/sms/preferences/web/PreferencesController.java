package com.allthrive.sms.preferences.web;

import com.allthrive.sms.accounts.ConsentEvidence;
import com.allthrive.sms.preferences.PreferencesView;
import com.allthrive.sms.preferences.internal.PreferencesService;
import com.allthrive.sms.shared.CurrentUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user reads and changes their own SMS settings; both answer the whole object. */
@RestController
@RequestMapping("/api/v1/me/sms-preferences")
class PreferencesController {

  private final PreferencesService preferences;

  PreferencesController(PreferencesService preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  PreferencesView get(@AuthenticationPrincipal Jwt jwt) {
    return preferences.view(CurrentUser.of(jwt));
  }

  @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = @Content(schema = @Schema(implementation = PatchSchema.class)))
  PreferencesView patch(
      @AuthenticationPrincipal Jwt jwt, @RequestBody byte[] body, HttpServletRequest request) {
    var user = CurrentUser.of(jwt);
    var change = PreferencesPatch.parse(body);
    var evidence =
        new ConsentEvidence(
            request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT), null);
    return preferences.update(user, change, evidence);
  }
}
