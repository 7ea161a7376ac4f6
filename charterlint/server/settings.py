"""The lint settings for a file the editor has open: the configuration found from its folder, as
`charterlint check` run there finds it, kept until the configuration file changes or the day does."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from charterlint.config.resolve import Config
from charterlint.config.settings import command_line_layer, config_path, lint_settings, load_config, per_file_ignores
from charterlint.engine.settings import LintSettings

# (configuration file, its modification time, today): what the settings were made from
_Key = tuple[str, int, dt.date]


@dataclass(slots=True)
class SettingsCache:
    """Settings by configuration file; ConfigError from `for_file` when a configuration is wrong."""

    made: dict[_Key, tuple[Config, LintSettings]] = field(default_factory=dict)

    def for_file(self, path: Path) -> LintSettings:
        folder = path.parent
        found = config_path(folder, None, False)
        today = dt.date.today()
        key = (str(found or ""), _modified(found), today)
        if key not in self.made:
            # The repository's rulesets and plugins load, as for `check` (docs/security.md): the server lints.
            config, rules = load_config(found, command_line_layer(folder), None, folder, [], packs=True)
            # settings made from an older version of this configuration (or another day) go
            self.made = {made: value for made, value in self.made.items() if made[0] != key[0] and made[2] == today}
            self.made[key] = (config, lint_settings(config, rules, today))
        config, settings = self.made[key]
        display = str(path)
        return replace(settings, per_file_ignores=per_file_ignores(config, [(display, path)]))


def _modified(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0
