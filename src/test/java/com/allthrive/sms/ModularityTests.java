package com.allthrive.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module graph of DESIGN section 2: each module declares in its {@code package-info} the
 * modules it may use ({@code @ApplicationModule(allowedDependencies = ...)}), the declarations are
 * those of the table, and the code keeps to them. Two arrows beyond the table are allowed: {@code
 * preferences -> delivery} (inbound texts, provider opt-outs) and {@code verification ->
 * preferences} (verify answers with the preferences).
 */
class ModularityTests {

  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "shared", Set.of(),
          "accounts", Set.of("shared"),
          "verification", Set.of("accounts", "delivery", "preferences", "shared"),
          "preferences", Set.of("accounts", "delivery", "shared"),
          "notifications",
              Set.of("accounts", "preferences", "presence", "delivery", "costs", "shared"),
          "presence", Set.of("shared"),
          "delivery", Set.of("shared"),
          "costs", Set.of("delivery", "shared"),
          "web", Set.of("accounts", "delivery", "preferences", "shared"));

  @Test
  void modulesOnlyUseEachOthersPublicApi() {
    ApplicationModules.of(SmsApplication.class).verify();
  }

  @Test
  void eachModuleDeclaresTheDependenciesTheDesignAllowsIt() throws ClassNotFoundException {
    var modules = ApplicationModules.of(SmsApplication.class);

    for (var module : modules) {
      String name = module.getIdentifier().toString();
      var declared =
          Class.forName("com.allthrive.sms." + name + ".package-info")
              .getAnnotation(ApplicationModule.class);

      assertThat(declared).as(name).isNotNull();
      assertThat(Set.of(declared.allowedDependencies())).as(name).isEqualTo(ALLOWED.get(name));
    }
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
  }
}
