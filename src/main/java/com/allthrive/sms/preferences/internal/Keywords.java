package com.allthrive.sms.preferences.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises STOP, START and HELP in an inbound text.
 *
 * <p>The rule: case, punctuation and surrounding whitespace are ignored; the keyword must be the
 * whole message, or be followed only by courtesy words (please, pls, plz, now, thanks, thank you,
 * thx, ty). So "Stop. Thank you", "stop please", "STOP!!" and "opt-out" are STOP, while "don't
 * stop" and "stop the battle at 5" are not. Twilio's {@code OptOutType}, when present, wins over
 * the body.
 */
public final class Keywords {

  private static final Map<String, Keyword> PHRASES =
      Map.ofEntries(
          Map.entry("stop", Keyword.STOP),
          Map.entry("stopall", Keyword.STOP),
          Map.entry("stop all", Keyword.STOP),
          Map.entry("unsubscribe", Keyword.STOP),
          Map.entry("cancel", Keyword.STOP),
          Map.entry("end", Keyword.STOP),
          Map.entry("quit", Keyword.STOP),
          Map.entry("revoke", Keyword.STOP),
          Map.entry("optout", Keyword.STOP),
          Map.entry("opt out", Keyword.STOP),
          Map.entry("start", Keyword.START),
          Map.entry("unstop", Keyword.START),
          Map.entry("yes", Keyword.START),
          Map.entry("help", Keyword.HELP),
          Map.entry("info", Keyword.HELP));

  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final List<List<String>> COURTESY =
      List.of(
          List.of("thank", "you"),
          List.of("thanks"),
          List.of("thx"),
          List.of("ty"),
          List.of("please"),
          List.of("pls"),
          List.of("plz"),
          List.of("now"));

  private Keywords() {}

  /** The keyword of a text; {@code optOutType} (STOP, START, HELP or null) wins over the body. */
  public static Keyword classify(String body, String optOutType) {
    Keyword flagged = flag(optOutType);
    if (flagged != Keyword.NONE) {
      return flagged;
    }
    List<String> words = words(body);
    stripCourtesy(words);
    return PHRASES.getOrDefault(String.join(" ", words), Keyword.NONE);
  }

  /** Twilio's {@code OptOutType} as a keyword; NONE when absent or unknown. */
  public static Keyword flag(String optOutType) {
    if (optOutType == null) {
      return Keyword.NONE;
    }
    switch (optOutType.trim().toUpperCase(Locale.ROOT)) {
      case "STOP":
        return Keyword.STOP;
      case "START":
        return Keyword.START;
      case "HELP":
        return Keyword.HELP;
      default:
        return Keyword.NONE;
    }
  }

  private static List<String> words(String body) {
    String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
    String letters = NOT_A_LETTER.matcher(lower).replaceAll(" ").trim();
    List<String> words = new ArrayList<>();
    if (!letters.isEmpty()) {
      words.addAll(Arrays.asList(letters.split(" ")));
    }
    return words;
  }

  /** Removes trailing courtesy words, but never the first word. */
  private static void stripCourtesy(List<String> words) {
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (List<String> phrase : COURTESY) {
        int from = words.size() - phrase.size();
        if (from >= 1 && words.subList(from, words.size()).equals(phrase)) {
          words.subList(from, words.size()).clear();
          stripped = true;
        }
      }
    }
  }
}
