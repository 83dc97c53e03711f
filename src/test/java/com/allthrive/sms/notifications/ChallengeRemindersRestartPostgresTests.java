package com.allthrive.sms.notifications;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import java.util.HashMap;
import java.util.Map;

@RequiresPostgres
class ChallengeRemindersRestartPostgresTests extends ChallengeRemindersRestartTests {

  @Override
  Map<String, Object> database() {
    Map<String, Object> properties = new HashMap<>();
    TestDatabases.postgres((name, value) -> properties.put(name, value.get()));
    return properties;
  }
}
