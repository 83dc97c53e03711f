package com.allthrive.sms.preferences.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.preferences.Category;
import com.allthrive.sms.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sms_preferences} table: one row per user who changed anything. */
@Repository
class PreferencesRepository {

  private static final String CATEGORY_COLUMNS =
      Arrays.stream(Category.values()).map(Category::field).collect(Collectors.joining(", "));

  private final JdbcClient jdbc;

  PreferencesRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredPreferences> find(UserId user) {
    return select(user, false);
  }

  /** The user's row, created with the defaults if missing, locked until the transaction ends. */
  StoredPreferences lockOrCreate(UserId user, Instant now) {
    jdbc.sql(
            "insert into sms_preferences (user_id, updated_at) values (:user, :now)"
                + " on conflict do nothing")
        .param("user", user.value())
        .param("now", utc(now))
        .update();
    return select(user, true).orElseThrow();
  }

  void save(UserId user, StoredPreferences prefs, Instant now) {
    var sql =
        jdbc.sql(
                "update sms_preferences set "
                    + assignments()
                    + " quiet_start = :qs, quiet_end = :qe, updated_at = :now where user_id = :user")
            .param("user", user.value())
            .param("qs", prefs.quietHours() == null ? null : prefs.quietHours().start())
            .param("qe", prefs.quietHours() == null ? null : prefs.quietHours().end())
            .param("now", utc(now));
    for (Category category : Category.values()) {
      sql = sql.param(category.field(), prefs.allows(category));
    }
    sql.update();
  }

  int delete(UserId user) {
    return jdbc.sql("delete from sms_preferences where user_id = :user")
        .param("user", user.value())
        .update();
  }

  private Optional<StoredPreferences> select(UserId user, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + CATEGORY_COLUMNS
                + ", quiet_start, quiet_end from sms_preferences"
                + " where user_id = :user"
                + (forUpdate ? " for update" : ""))
        .param("user", user.value())
        .query(PreferencesRepository::map)
        .optional();
  }

  private static String assignments() {
    return Arrays.stream(Category.values())
        .map(c -> c.field() + " = :" + c.field() + ",")
        .collect(Collectors.joining(" "));
  }

  private static StoredPreferences map(ResultSet rs, int row) throws SQLException {
    Map<Category, Boolean> allowed = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      allowed.put(category, rs.getBoolean(category.field()));
    }
    LocalTime start = rs.getObject("quiet_start", LocalTime.class);
    LocalTime end = rs.getObject("quiet_end", LocalTime.class);
    return new StoredPreferences(
        allowed, start == null || end == null ? null : new QuietHoursWindow(start, end));
  }
}
