package com.allthrive.sms.delivery;

import static com.allthrive.sms.delivery.DeliveryFixtures.newNumber;
import static com.allthrive.sms.delivery.DeliveryFixtures.newUser;
import static com.allthrive.sms.delivery.DeliveryFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The SMS log listings for admins and users, and erasure. */
abstract class SmsLogApiTests extends WebhookTests {

  @Test
  void adminsListTheLogNewestFirstFilteredAndPaged() throws Exception {
    UserId alice = newUser("alice");
    UserId bob = newUser("bob");
    long first = waiting(alice, MessageType.DIRECT_MESSAGE, "Bea: see you at 6");
    long second = waiting(alice, MessageType.ACHIEVEMENT_UNLOCK, "You unlocked First Steps");
    long bobs = waiting(bob, MessageType.DIRECT_MESSAGE, "for bob");

    var all = web.adminList("user_id=" + alice.value());
    var typed = web.adminList("user_id=" + alice.value() + "&message_type=direct_message");
    var paged = web.adminList("user_id=" + alice.value() + "&size=1&page=1");
    var pending = web.adminList("user_id=" + bob.value() + "&status=pending");
    var later =
        web.adminList("user_id=" + alice.value() + "&from=" + Instant.now().plusSeconds(3600));

    assertThat(all)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[*].id")
        .isEqualTo(List.of((int) second, (int) first));
    assertThat(all).bodyJson().extractingPath("$.total").isEqualTo(2);
    assertThat(all)
        .bodyJson()
        .extractingPath("$.items[0].to_phone")
        .asString()
        .matches("\\+1\\*+\\d\\d");
    assertThat(all)
        .bodyJson()
        .extractingPath("$.items[0].message_type")
        .isEqualTo("achievement_unlock");
    assertThat(all.getResponse().getContentAsString()).doesNotContain("sealed");
    assertThat(typed).bodyJson().extractingPath("$.items[*].id").isEqualTo(List.of((int) first));
    assertThat(paged).bodyJson().extractingPath("$.items[*].id").isEqualTo(List.of((int) first));
    assertThat(paged).bodyJson().extractingPath("$.page").isEqualTo(1);
    assertThat(paged).bodyJson().extractingPath("$.size").isEqualTo(1);
    assertThat(pending).bodyJson().extractingPath("$.items[*].id").isEqualTo(List.of((int) bobs));
    assertThat(later).bodyJson().extractingPath("$.total").isEqualTo(0);
  }

  @Test
  void refusesBadFiltersWithAProblem() {
    for (String query :
        List.of(
            "status=lost",
            "message_type=spam",
            "from=yesterday",
            "size=201",
            "size=0",
            "page=-1",
            "page=two",
            "user_id=not%20an%20id",
            "from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")) {
      var result = web.adminList(query);

      assertThat(result)
          .as(query)
          .hasStatus(400)
          .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("invalid_filter");
    }
  }

  @Test
  void usersSeeOnlyTheirOwnMessagesWithCodesRedacted() throws Exception {
    UserId dana = newUser("dana");
    long code =
        outbox
            .enqueue(
                OutgoingSms.of(
                        DeliveryFixtures.newKey(),
                        newNumber(),
                        MessageType.PHONE_VERIFICATION,
                        "Your code is: 123456",
                        dana)
                    .withLoggedBody("Your code is: ******")
                    .withSchedule(Instant.now().plusSeconds(3600), null))
            .messageId();
    waiting(newUser("erin"), MessageType.DIRECT_MESSAGE, "not for dana");
    String token = tokens.mint(dana, Duration.ofMinutes(5), List.of());

    var mine = web.myList(token, "");
    var others = web.myList(token, "user_id=someone-else");

    assertThat(mine)
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.items[*].id")
        .isEqualTo(List.of((int) code));
    assertThat(mine).bodyJson().extractingPath("$.items[0].body").isEqualTo("Your code is: ******");
    assertThat(mine.getResponse().getContentAsString())
        .doesNotContain("123456")
        .doesNotContain("provider");
    assertThat(others).hasStatus(400);
  }

  @Test
  void erasureMasksTheNumberDropsTheTextAndStopsWaitingMessages() {
    UserId fay = newUser("fay");
    PhoneNumber to = newNumber();
    long waiting = waiting(fay, MessageType.CHALLENGE_REMINDER, "Fay, 1 hour left", to);

    int erased = log.anonymize(fay);

    assertThat(erased).isEqualTo(1);
    var row = row(jdbc, waiting);
    assertThat(row.get("to_phone")).isEqualTo(to.masked());
    assertThat(row.get("body")).isNull();
    assertThat(row.get("recipient_user_id")).isNull();
    assertThat(row.get("status")).isEqualTo("expired");
    assertThat(row.get("error_code")).isEqualTo("recipient_erased");
    assertThat((BigDecimal) row.get("estimated_cost")).isEqualByComparingTo("0.0083");
    assertThat(web.adminList("user_id=" + fay.value()))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
  }
}
