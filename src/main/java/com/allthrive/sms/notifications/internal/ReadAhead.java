package com.allthrive.sms.notifications.internal;

import com.allthrive.sms.accounts.Account;
import com.allthrive.sms.accounts.Accounts;
import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.preferences.SmsPreferences;
import com.allthrive.sms.shared.OneRoundTrip.Lookup;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the policy's rules read about a page of candidates, asked before the rules run so that the
 * lookups share one round trip with the page's duplicate check ({@link PageDecider}): the opt-out
 * list for their numbers, the accounts holding the raw numbers, and the users' consent, category
 * and quiet hours. Lookups are reads only: a rule finds here what it would have read itself in the
 * same transaction, and reads itself what it does not find (a page it was not made for).
 */
final class ReadAhead {

  /** Nothing read ahead: every rule reads for itself. */
  static final ReadAhead NONE = new ReadAhead();

  private Instant at;
  private Set<PhoneNumber> numbers = Set.of();
  private Lookup<Set<PhoneNumber>> optedOut;
  private Set<PhoneNumber> rawNumbers = Set.of();
  private Lookup<Map<PhoneNumber, List<Account>>> holders;
  private Map<UserId, PhoneNumber> consentAsked = Map.of();
  private Lookup<Set<UserId>> consenting;
  private Category category;
  private Set<UserId> users = Set.of();
  private Lookup<Set<UserId>> notAllowing;
  private Lookup<Map<UserId, Instant>> quietHoursEnds;

  private ReadAhead() {}

  /** The lookups for {@code candidates} at {@code at}, not yet run: run {@link #lookups} first. */
  static ReadAhead of(
      List<Candidate> candidates, Instant at, SmsPreferences preferences, Accounts accounts) {
    var read = new ReadAhead();
    read.at = at;
    read.numbers = numbers(candidates, c -> true);
    read.optedOut = preferences.optedOut(read.numbers);
    read.rawNumbers = numbers(candidates, Candidate::toRawNumber);
    read.holders = accounts.findByPhones(read.rawNumbers);
    Map<UserId, PhoneNumber> consent = new HashMap<>();
    candidates.stream()
        .filter(c -> c.user() != null && c.to() != null)
        .forEach(c -> consent.putIfAbsent(c.user(), c.to()));
    read.consentAsked = consent;
    read.consenting = preferences.withConsent(consent);
    read.users =
        Set.copyOf(candidates.stream().map(Candidate::user).filter(Objects::nonNull).toList());
    List<Category> categories =
        candidates.stream()
            .filter(c -> c.user() != null && !c.critical() && c.category() != null)
            .map(Candidate::category)
            .distinct()
            .toList();
    if (categories.size() == 1) {
      read.category = categories.get(0);
      read.notAllowing = preferences.notAllowing(read.users, read.category);
    }
    read.quietHoursEnds = preferences.quietHoursEnds(read.users, at);
    return read;
  }

  List<Lookup<?>> lookups() {
    return Stream.<Lookup<?>>of(optedOut, holders, consenting, notAllowing, quietHoursEnds)
        .filter(Objects::nonNull)
        .toList();
  }

  /** The numbers among {@code asked} on the opt-out list, when all of them were read ahead. */
  Optional<Set<PhoneNumber>> optedOut(Collection<PhoneNumber> asked) {
    return covered(optedOut, numbers.containsAll(asked));
  }

  /** The accounts holding each of {@code asked}, when all of them were read ahead. */
  Optional<Map<PhoneNumber, List<Account>>> holders(Collection<PhoneNumber> asked) {
    return covered(holders, rawNumbers.containsAll(asked));
  }

  /** The users with consent for the number asked about, when all of them were read ahead. */
  Optional<Set<UserId>> consenting(Map<UserId, PhoneNumber> asked) {
    return covered(consenting, consentAsked.entrySet().containsAll(asked.entrySet()));
  }

  /** The users among {@code asked} who switched {@code off} off, when read ahead. */
  Optional<Set<UserId>> notAllowing(Collection<UserId> asked, Category off) {
    return covered(notAllowing, off == category && users.containsAll(asked));
  }

  /** The ends of the quiet hours that hold {@code when} for {@code asked}, when read ahead. */
  Optional<Map<UserId, Instant>> quietHoursEnds(Collection<UserId> asked, Instant when) {
    return covered(quietHoursEnds, when.equals(at) && users.containsAll(asked));
  }

  private static <T> Optional<T> covered(Lookup<T> lookup, boolean allAsked) {
    return lookup != null && allAsked ? Optional.of(lookup.result().get()) : Optional.empty();
  }

  private static Set<PhoneNumber> numbers(List<Candidate> candidates, Predicate<Candidate> which) {
    return Set.copyOf(
        candidates.stream().filter(which).map(Candidate::to).filter(Objects::nonNull).toList());
  }
}
