package com.allthrive.sms.accounts;

import com.allthrive.sms.shared.OneRoundTrip;
import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public API of the accounts module. */
public interface Accounts {

  Optional<Account> find(UserId id);

  /**
   * {@link #find} for many users in one query: the accounts of those this service knows, by id
   * (unknown users are absent).
   */
  Map<UserId, Account> findAll(Collection<UserId> ids);

  /**
   * Like {@link #find}, and locks the account until the caller's transaction ends: changes to one
   * user's number and verification happen one at a time. Requires a transaction.
   */
  Optional<Account> findForUpdate(UserId id);

  /**
   * The user's own change of number, as {@code PUT /api/v1/me/phone}: a new number starts
   * unverified, null removes it; publishes {@link PhoneNumberChanged} when it differs. A 404
   * problem when the user is unknown. Joins the caller's transaction.
   */
  Account setPhone(UserId id, PhoneNumber phone);

  /** What {@link #claimPhone} found. */
  record PhoneClaim(Account account, boolean verifiedByAnother) {}

  /**
   * A number the user is about to verify becomes their pending number, reading in the same
   * statement whether an account other than this one has verified it. A verified number stays in
   * use until the pending one is verified ({@link #markVerified}); without one, the new number also
   * becomes the current, unverified number, as {@link #setPhone} would.
   */
  PhoneClaim claimPhone(UserId id, PhoneNumber phone);

  /** Accounts whose current number is {@code number}, verified or not. */
  List<Account> findByPhone(PhoneNumber number);

  /**
   * {@link #findByPhone} for several numbers in one query; numbers no account holds are absent. A
   * lookup, so that the caller can send it with others in one round trip ({@link OneRoundTrip}).
   */
  OneRoundTrip.Lookup<Map<PhoneNumber, List<Account>>> findByPhones(
      Collection<PhoneNumber> numbers);

  /** The outcome of {@link #markVerified}. */
  enum VerifyOutcome {
    VERIFIED,
    /** the account's current number is no longer the one the code was sent to */
    NUMBER_CHANGED,
    /** another account has verified this number */
    TAKEN_BY_OTHER_ACCOUNT,
    UNKNOWN_ACCOUNT
  }

  /**
   * Marks {@code number} verified for the user, only if it is still their current or pending number
   * and no other account has verified it, and publishes {@link PhoneVerified}. A pending number
   * replaces the current one: {@link PhoneNumberChanged} is published first. Joins the caller's
   * transaction.
   */
  VerifyOutcome markVerified(UserId id, PhoneNumber number, Instant at, ConsentEvidence evidence);

  /**
   * Sets the user's time zone (the user's own choice, e.g. from their SMS settings); false when the
   * account is unknown. Joins the caller's transaction.
   */
  boolean updateTimezone(UserId id, ZoneId zone);
}
