package com.allthrive.sms.web.pages;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.DemoAccess;
import com.allthrive.sms.delivery.MessageStatus;
import com.allthrive.sms.delivery.MessageType;
import com.allthrive.sms.shared.ApiProblem;
import com.allthrive.sms.web.WebSettings;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** Renders the frames of the pages; their ES modules fill them from the JSON API. */
@Controller
class PagesController {

  /** A demo user as the pages list them: in demo mode the full example number is shown. */
  record DemoUser(String id, String name, String phone, boolean verified) {
    static DemoUser of(Account a) {
      return new DemoUser(
          a.id().value(),
          a.displayName() == null ? a.username() : a.displayName(),
          a.phoneNumber() == null ? "" : a.phoneNumber().e164(),
          a.hasVerifiedPhone());
    }
  }

  private final DemoAccess demo;
  private final WebSettings settings;

  PagesController(DemoAccess demo, WebSettings settings) {
    this.demo = demo;
    this.settings = settings;
  }

  @GetMapping("/")
  String home() {
    return demo.enabled() ? "redirect:/demo" : "redirect:/settings";
  }

  @GetMapping("/settings")
  String settings(
      Model model, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    common(model);
    model.addAttribute("categories", CategoryLabels.all());
    model.addAttribute("handoff", bearer(auth));
    return "settings";
  }

  @GetMapping("/admin")
  String admin(Model model) {
    common(model);
    model.addAttribute("adminKey", demo.adminKey().orElse(""));
    model.addAttribute("statuses", codes(MessageStatus.values()));
    model.addAttribute(
        "types", Arrays.stream(MessageType.values()).map(MessageType::code).toList());
    return "admin";
  }

  @GetMapping("/demo")
  String demoConsole(Model model) {
    if (!demo.enabled()) {
      throw ApiProblem.notFound("not_found", "The demo console exists only in demo mode.");
    }
    common(model);
    model.addAttribute("platformKey", demo.platformKey().orElse(""));
    model.addAttribute("adminKey", demo.adminKey().orElse(""));
    return "demo";
  }

  private void common(Model model) {
    model.addAttribute("brand", settings.brandName());
    model.addAttribute("demo", demo.enabled());
    model.addAttribute("demoUsers", demo.users().stream().map(DemoUser::of).toList());
  }

  private static String bearer(String header) {
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim()
        : "";
  }

  private static List<String> codes(MessageStatus[] values) {
    return Arrays.stream(values).map(MessageStatus::code).toList();
  }
}
