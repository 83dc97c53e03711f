package com.allthrive.sms.delivery.web;

import com.allthrive.sms.delivery.internal.MessageQueries;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.shared.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS log: every row for admins, a user's own rows for the user. Numbers are masked and the
 * sealed text is never read; a verification message shows its redacted text.
 */
@RestController
class SmsMessagesController {

  /** A page of the user's own messages, in the admin listing's shape. */
  record MyPage(List<MyItem> items, int page, int size, long total) {}

  /** One of the user's messages, without the provider's internals. */
  record MyItem(
      long id,
      String messageType,
      String status,
      String toPhone,
      String body,
      int segments,
      Instant createdAt,
      Instant sentAt,
      Instant deliveredAt) {

    static MyItem of(MessageQueries.Item item) {
      return new MyItem(
          item.id(),
          item.messageType(),
          item.status(),
          item.toPhone(),
          item.body(),
          item.segments(),
          item.createdAt(),
          item.sentAt(),
          item.deliveredAt());
    }
  }

  private final MessageQueries queries;

  SmsMessagesController(MessageQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/v1/admin/sms-messages")
  MessageQueries.Page all(@RequestParam Map<String, String> query) {
    ListParams params = ListParams.parse(query, null);
    return queries.list(params.filter(), params.page(), params.size());
  }

  @GetMapping("/api/v1/me/sms-messages")
  MyPage mine(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> query) {
    if (query.containsKey("user_id")) {
      throw ApiProblem.badRequest("invalid_filter", "user_id: not allowed on your own messages");
    }
    ListParams params = ListParams.parse(query, CurrentUser.of(jwt));
    MessageQueries.Page page = queries.list(params.filter(), params.page(), params.size());
    return new MyPage(
        page.items().stream().map(MyItem::of).toList(), page.page(), page.size(), page.total());
  }
}
